import { customFieldsByApiName, withCustomFieldsByApiName } from '../../lib/zoho/custom-fields';
import {
	LOOKUP_RESOURCES,
	type LookupResource,
	grantsScope,
	planLookupList,
	scopeForPath,
} from '../../lib/zoho/resources';
import { zohoRecord } from '../fixtures';

describe('custom fields keyed by API name', () => {
	it("keys each record's fields by API name, values typed by data type", () => {
		expect(customFieldsByApiName(zohoRecord('customer').custom_fields)).toEqual({
			cf_industry: 'Design',
			cf_seats: 12,
			cf_onboarded_on: '2026-01-20',
			cf_newsletter: true,
		});
		expect(customFieldsByApiName(zohoRecord('subscription').custom_fields)).toEqual({
			cf_sales_channel: 'Partner',
			cf_discount_percent: 12.5, // no api_name: from the label
			cf_modules: ['Reports', 'Exports'],
		});
		expect(customFieldsByApiName(zohoRecord('invoice').custom_fields)).toEqual({
			cf_po_number: 'PO-2026-0042',
			cf_cost_center: null,
		});
	});

	it.each([
		[{ placeholder: 'cf_region', value: 'EU' }, { cf_region: 'EU' }],
		[{ index: 7, value: 'x' }, { cf_7: 'x' }],
		[{ label: 'Código Região', value: 'x' }, { cf_codigo_regiao: 'x' }],
		[{ api_name: 'cf_n', data_type: 'decimal', value: '1,234.5' }, { cf_n: 1234.5 }],
		[{ api_name: 'cf_n', data_type: 'number', value: 'n/a' }, { cf_n: 'n/a' }],
		[{ api_name: 'cf_b', data_type: 'check_box', value: 'false' }, { cf_b: false }],
		[{ api_name: 'cf_m', data_type: 'multiselect', value: ['A', 'B'] }, { cf_m: ['A', 'B'] }],
		[{ value: 'no name at all' }, {}],
	])('reads %j', (field, expected) => {
		expect(customFieldsByApiName([field])).toEqual(expected);
	});

	it("adds the keyed object beside Zoho's array, and only when there is one", () => {
		const plan = withCustomFieldsByApiName(zohoRecord('plan'));
		expect(plan.custom_fields).toEqual(zohoRecord('plan').custom_fields);
		expect(plan.custom_fields_by_api_name).toEqual({ cf_tier: 'pro' });
		expect(withCustomFieldsByApiName({ plan_code: 'X' })).toEqual({ plan_code: 'X' });
	});
});

describe('lookup lists', () => {
	it('sends what Zoho filters on and checks every filter on the records', () => {
		const plan = planLookupList(LOOKUP_RESOURCES.subscription, {
			customerId: '2000000061001',
			status: 'non_renewing',
		});
		expect(plan.query).toEqual({
			customer_id: '2000000061001',
			filter_by: 'SubscriptionStatus.NON_RENEWING',
		});
		expect(plan.keep!({ customer_id: '2000000061001', status: 'non_renewing' })).toBe(true);
		expect(plan.keep!({ customer_id: '2000000061001', status: 'live' })).toBe(false);
		expect(plan.keep!({ customer_id: 'other', status: 'non_renewing' })).toBe(false);
	});

	it('finds customers by whole email in any case, or by a part of a name', () => {
		const byEmail = planLookupList(LOOKUP_RESOURCES.customer, { email: ' Ana.Silva@Example.com ' });
		expect(byEmail.query).toEqual({ search_text: 'ana.silva@example.com' });
		expect(byEmail.keep!(zohoRecord('customer'))).toBe(true);
		expect(byEmail.keep!(zohoRecord('customer', { email: 'ana.silva@example.com.br' }))).toBe(
			false,
		);
		expect(
			planLookupList(LOOKUP_RESOURCES.customer, { name: 'silva des' }).keep!(
				zohoRecord('customer'),
			),
		).toBe(true);
	});

	it('keeps invoices dated within the range, inclusive', () => {
		const { keep = () => true, query } = planLookupList(LOOKUP_RESOURCES.invoice, {
			dateFrom: '2026-11-02T00:00:00Z',
			dateTo: '2026-11-30',
		});
		expect(query).toEqual({});
		expect([
			keep({ invoice_date: '2026-11-02' }),
			keep({ invoice_date: '2026-12-01' }),
			keep({}),
		]).toEqual([true, false, false]);
	});

	it.each([
		['plan', { status: 'archived' }, 'Status must be one of all, active, inactive, got "archived"'],
		['invoice', { dateFrom: 'soon' }, 'Date From must be a date in YYYY-MM-DD form, got "soon"'],
		[
			'invoice',
			{ dateFrom: '2026-12-01', dateTo: '2026-11-01' },
			'Date From (2026-12-01) must not be after Date To (2026-11-01)',
		],
	] as const)('refuses a %s filter %j naming the field', (resource, filters, message) => {
		expect(() => planLookupList(LOOKUP_RESOURCES[resource], filters)).toThrow(message);
	});
});

describe('status filters follow what each filter means', () => {
	const kept = (resource: LookupResource, status: string, statuses: string[]) =>
		statuses.filter((recordStatus) =>
			planLookupList(LOOKUP_RESOURCES[resource], { status }).keep!({ status: recordStatus }),
		);

	it('keeps every invoice Unpaid stands for, and nothing paid, void or draft', () => {
		const all = ['paid', 'sent', 'overdue', 'partially_paid', 'void', 'draft'];
		expect(kept('invoice', 'unpaid', all)).toEqual(['sent', 'overdue', 'partially_paid']);
		expect(kept('invoice', 'sent', all)).toEqual(['sent']);
		expect(kept('invoice', 'partially_paid', all)).toEqual(['partially_paid']);
	});

	it('takes the wider reading where Zoho does not spell a subscription filter out', () => {
		const all = [
			'live',
			'dunning',
			'cancelled',
			'cancelled_from_dunning',
			'trial_expired',
			'expired',
		];
		expect(kept('subscription', 'cancelled', all)).toEqual(['cancelled', 'cancelled_from_dunning']);
		expect(kept('subscription', 'past_due', all)).toEqual(['dunning']);
		expect(kept('subscription', 'expired', all)).toEqual(['expired']);
	});
});

describe('scopes', () => {
	it('names the scope each path needs', () => {
		expect(scopeForPath('/customers/123')).toBe('ZohoSubscriptions.customers.READ');
		expect(scopeForPath('/plans')).toBe('ZohoSubscriptions.plans.READ');
		expect(scopeForPath('/events')).toBe('ZohoSubscriptions.webhooks.READ');
		expect(scopeForPath('/customersx')).toBeUndefined();
	});

	it("reads a credential's Scope field, with all-access scopes", () => {
		const scope = 'ZohoSubscriptions.invoices.READ';
		expect(
			grantsScope('ZohoSubscriptions.webhooks.READ, zohosubscriptions.invoices.read', scope),
		).toBe(true);
		expect(grantsScope('ZohoSubscriptions.fullaccess.all', scope)).toBe(true);
		expect(grantsScope('ZohoSubscriptions.invoices.ALL', scope)).toBe(true);
		expect(
			grantsScope('ZohoSubscriptions.webhooks.READ,ZohoSubscriptions.settings.READ', scope),
		).toBe(false);
		expect(grantsScope(undefined, scope)).toBe(false);
	});
});
