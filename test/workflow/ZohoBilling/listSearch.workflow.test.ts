/** Zoho Billing node, the From List pickers of the panel (methods/listSearch.ts) against the stand-in. */
import { zohoRecord } from '../../fixtures';
import { searchZohoBillingList } from '../../support/list-search';
import { PACKAGE, nodeTypes } from '../../support/run-workflow';
import { writeCredentials, zohoAccount } from '../../support/zoho-account';

const zoho = zohoAccount();

describe('From List pickers', () => {
	it('every record picker of the panel names a search the node has (the plan on Update a subscription too)', () => {
		const node = nodeTypes.getByNameAndVersion(`${PACKAGE}.zohoBilling`, 1);
		const pickers = node.description.properties
			.filter((property) => property.type === 'resourceLocator')
			.map((property) => [
				property.name,
				property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod,
			]);
		expect(pickers).toContainEqual(['newPlan', 'searchPlans']);
		for (const [name, method] of pickers)
			expect([name, typeof node.methods?.listSearch?.[method ?? '']]).toEqual([name, 'function']);
	});

	it("search customers through Zoho's list, narrowed by what was typed, page by page", async () => {
		zoho.records.customers = Array.from({ length: 60 }, (_, index) =>
			zohoRecord('customer', {
				customer_id: String(2000000061100 + index),
				display_name: index % 2 ? `Rui ${index}` : `Ana ${index}`,
				email: `c${index}@example.com`,
			}),
		);
		const first = await searchZohoBillingList('searchCustomers', writeCredentials(zoho));
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Ana 0 · c0@example.com', value: '2000000061100' });
		expect(first.paginationToken).toBe('2');
		const second = await searchZohoBillingList('searchCustomers', writeCredentials(zoho), '', '2');
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		const typed = await searchZohoBillingList('searchCustomers', writeCredentials(zoho), 'rui 5');
		expect(typed.results.map((result) => result.value)).toEqual(
			['5', '51', '53', '55', '57', '59'].map((suffix) => String(2000000061100 + Number(suffix))),
		);
		expect(zoho.requests.at(-1)?.query).toMatchObject({
			search_text: 'rui 5',
			page: '1',
			per_page: '50',
		});
	});

	it('offer subscriptions, invoices and plans by their numbers and names', async () => {
		const values = async (method: string) =>
			(await searchZohoBillingList(method, writeCredentials(zoho))).results;
		expect(await values('searchSubscriptions')).toEqual([
			{ name: 'SUB-00008 · Ana Silva · Pro Monthly · live', value: '2000000081001' },
		]);
		expect(await values('searchInvoices')).toEqual([
			{ name: 'INV-000123 · Ana Silva · overdue', value: '2000000091001' },
		]);
		expect((await values('searchPlans')).map((plan) => plan.value)).toEqual(['PRO-M', 'TEAM-M']);
	});
});
