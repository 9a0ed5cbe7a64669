/**
 * Zoho Billing node, Customer, Subscription, Invoice and Plan: Get and Get Many inside n8n-core's
 * WorkflowExecute, against the Zoho Billing stand-in (OAuth2, organization header, paging, filters,
 * Zoho's errors, a token without the scope).
 */
import { zohoRecord, type ZohoRecordName } from '../../fixtures';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../support/nodes';
import { runWorkflow } from '../../support/run-workflow';
import { ZOHO_ORG_ID } from '../../support/stand-ins/zoho-billing';
import { zohoCredentials } from '../../support/credentials';
import { zohoBillingForEachTest } from '../../support/for-each-test';

const MODULES: Record<ZohoRecordName, string> = {
	customer: 'customers',
	subscription: 'subscriptions',
	invoice: 'invoices',
	plan: 'plans',
};
const ID_FIELDS: Record<ZohoRecordName, string> = {
	customer: 'customer_id',
	subscription: 'subscription_id',
	invoice: 'invoice_id',
	plan: 'plan_code',
};
const ID_PARAMETERS: Record<ZohoRecordName, string> = {
	customer: 'customerId',
	subscription: 'subscriptionId',
	invoice: 'invoiceId',
	plan: 'planCode',
};

const zoho = zohoBillingForEachTest();

/** `count` records of a module, their IDs numbered, statuses and customers taking turns. */
function seed(
	resource: ZohoRecordName,
	count: number,
	vary: (index: number) => Record<string, unknown> = () => ({}),
) {
	zoho.records[MODULES[resource]] = Array.from({ length: count }, (_, index) =>
		zohoRecord(resource, {
			[ID_FIELDS[resource]]: `${ID_FIELDS[resource]}-${index}`,
			...vary(index),
		}),
	);
}

const ids = (output: Array<{ json: Record<string, unknown> }>, resource: ZohoRecordName) =>
	output.map((item) => item.json[ID_FIELDS[resource]]);

describe.each(Object.keys(MODULES) as ZohoRecordName[])('Zoho Billing > %s', (resource) => {
	it('Get returns the record with its custom fields keyed by API name, one item per input item', async () => {
		seed(resource, 3);
		const { output } = await runWorkflow({
			items: [{ id: `${ID_FIELDS[resource]}-2` }, { id: `${ID_FIELDS[resource]}-0` }],
			nodes: [
				zohoBillingNode({
					resource,
					operation: 'get',
					[ID_PARAMETERS[resource]]: '={{ $json.id }}',
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		const items = output(NODE);
		expect(ids(items, resource)).toEqual([`${ID_FIELDS[resource]}-2`, `${ID_FIELDS[resource]}-0`]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.custom_fields).toEqual(zohoRecord(resource).custom_fields);
		expect(Object.keys(items[0].json.custom_fields_by_api_name as object).length).toBe(
			zohoRecord(resource).custom_fields.length,
		);
		expect(zoho.requests.map((request) => request.path)).toEqual([
			`/billing/v1/${MODULES[resource]}/${ID_FIELDS[resource]}-2`,
			`/billing/v1/${MODULES[resource]}/${ID_FIELDS[resource]}-0`,
		]);
		expect(zoho.requests[0].headers['x-com-zoho-subscriptions-organizationid']).toBe(ZOHO_ORG_ID);
		// n8n's OAuth2 path signs with Bearer, which Zoho Accounts documents beside Zoho-oauthtoken
		// (docs/zoho-billing-api.md, "Every call").
		expect(zoho.requests[0].headers.authorization).toMatch(/^Bearer 1000\.example\.access\.\d+$/);
	});

	it('Get Many pages through everything with Return All, 200 a page', async () => {
		seed(resource, 450);
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [zohoBillingNode({ resource, operation: 'getAll', returnAll: true })],
			credentials: zohoCredentials(zoho),
		});
		expect(ids(output(NODE), resource)).toEqual(
			zoho.records[MODULES[resource]].map((record) => record[ID_FIELDS[resource]]),
		);
		expect(zoho.requests.map((request) => [request.query.page, request.query.per_page])).toEqual([
			['1', '200'],
			['2', '200'],
			['3', '200'],
		]);
	});

	it('Get Many stops at Limit, asking for no more than it needs', async () => {
		seed(resource, 30);
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [zohoBillingNode({ resource, operation: 'getAll', returnAll: false, limit: 7 })],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE)).toHaveLength(7);
		expect(zoho.requests.map((request) => request.query.per_page)).toEqual(['7']);
	});

	it("reports Zoho's own error for a record that does not exist; Continue On Fail carries on", async () => {
		seed(resource, 1);
		const { output } = await runWorkflow({
			items: [{ id: 'missing' }, { id: `${ID_FIELDS[resource]}-0` }],
			nodes: [
				zohoBillingNode(
					{ resource, operation: 'get', [ID_PARAMETERS[resource]]: '={{ $json.id }}' },
					{ continueOnFail: true },
				),
			],
			credentials: zohoCredentials(zoho),
		});
		const [failed, found] = output(NODE);
		expect(failed).toMatchObject({
			json: { error: expect.stringMatching(/^Zoho Billing error 1002: \w+ does not exist\.$/) },
			pairedItem: { item: 0 },
		});
		expect(found.json[ID_FIELDS[resource]]).toBe(`${ID_FIELDS[resource]}-0`);
	});

	it('names the missing scope and says to reconnect, for a credential connected with the old scope', async () => {
		seed(resource, 1);
		const oldScope = 'ZohoSubscriptions.webhooks.READ,ZohoSubscriptions.settings.READ';
		zoho.grantedScopes = new Set(oldScope.split(','));
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [zohoBillingNode({ resource, operation: 'getAll', limit: 1 })],
			credentials: zohoCredentials(zoho, { scope: oldScope }),
		});
		const scope = `ZohoSubscriptions.${MODULES[resource]}.READ`;
		expect(error(NODE)?.message).toBe(
			`The Zoho Billing credential lacks the scope ${scope}, which this operation needs`,
		);
		expect((error(NODE) as { description?: string }).description).toBe(
			`HTTP 401, add ${scope} to the credential's Scope and reconnect it (Zoho grants scopes only when you connect). Zoho Billing error 57: You are not authorized to perform this operation.`,
		);
	});
});

describe('Get Many filters', () => {
	it('Customer: by status, and by email (whole, any case) or name', async () => {
		seed('customer', 6, (index) => ({
			status: index % 2 ? 'inactive' : 'active',
			email: `customer${index}@example.com`,
			display_name: `Customer ${index}`,
		}));
		const run = async (filters: Record<string, unknown>) =>
			ids(
				(
					await runWorkflow({
						items: [{}],
						nodes: [
							zohoBillingNode({
								resource: 'customer',
								operation: 'getAll',
								returnAll: true,
								filters,
							}),
						],
						credentials: zohoCredentials(zoho),
					})
				).output(NODE),
				'customer',
			);
		expect(await run({ status: 'inactive' })).toEqual([
			'customer_id-1',
			'customer_id-3',
			'customer_id-5',
		]);
		expect(await run({ email: 'Customer4@Example.com' })).toEqual(['customer_id-4']);
		expect(await run({ name: 'customer 2' })).toEqual(['customer_id-2']);
		expect(
			zoho.requests.map((request) => [request.query.filter_by, request.query.search_text]),
		).toEqual([
			['Status.Inactive', undefined],
			[undefined, 'customer4@example.com'],
			[undefined, 'customer 2'],
		]);
	});

	it("Subscription: a customer's live subscriptions", async () => {
		seed('subscription', 6, (index) => ({
			customer_id: index < 3 ? 'cus-a' : 'cus-b',
			status: index % 3 === 2 ? 'cancelled' : 'live',
		}));
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'subscription',
					operation: 'getAll',
					returnAll: true,
					filters: { customerId: 'cus-b', status: 'live' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(ids(output(NODE), 'subscription')).toEqual(['subscription_id-3', 'subscription_id-4']);
		expect(zoho.requests[0].query).toMatchObject({
			customer_id: 'cus-b',
			filter_by: 'SubscriptionStatus.LIVE',
		});
	});

	it('Invoice: by customer, status and a date range kept even where Zoho ignores it', async () => {
		seed('invoice', 5, (index) => ({
			invoice_date: `2026-11-0${index + 1}`,
			status: index === 3 ? 'overdue' : 'paid',
		}));
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'getAll',
					returnAll: true,
					filters: {
						customerId: '2000000061001',
						status: 'paid',
						dateFrom: '2026-11-02',
						dateTo: '2026-11-05',
					},
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(ids(output(NODE), 'invoice')).toEqual(['invoice_id-1', 'invoice_id-2', 'invoice_id-4']);
		expect(zoho.requests[0].query).toMatchObject({
			customer_id: '2000000061001',
			filter_by: 'Status.Paid',
		});
	});

	it('Invoice: Unpaid lists the sent, overdue and partially paid invoices (Unpaid is a filter, not a status)', async () => {
		const statuses = ['paid', 'sent', 'overdue', 'partially_paid', 'void', 'draft'];
		seed('invoice', statuses.length, (index) => ({ status: statuses[index] }));
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'unpaid' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => item.json.status)).toEqual([
			'sent',
			'overdue',
			'partially_paid',
		]);
		expect(zoho.requests[0].query.filter_by).toBe('Status.Unpaid');
	});

	it('Subscription: Past Due lists subscriptions in dunning', async () => {
		seed('subscription', 3, (index) => ({ status: ['live', 'dunning', 'unpaid'][index] }));
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'subscription',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'past_due' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => item.json.status)).toEqual(['dunning']);
		expect(zoho.requests[0].query.filter_by).toBe('SubscriptionStatus.PAST_DUE');
	});

	it('Plan: active plans only; a bad status is refused naming the field, before calling Zoho', async () => {
		seed('plan', 4, (index) => ({ status: index === 0 ? 'inactive' : 'active' }));
		const ok = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'plan',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'active' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(ids(ok.output(NODE), 'plan')).toEqual(['plan_code-1', 'plan_code-2', 'plan_code-3']);
		const bad = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({ resource: 'plan', operation: 'getAll', filters: { status: 'archived' } }),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(bad.error(NODE)?.message).toBe(
			'Status must be one of all, active, inactive, got "archived"',
		);
		expect(zoho.requests).toHaveLength(1);
	});
});
