/**
 * The Zoho Billing account the write tests act on, as a stand-in answering the way Zoho's Billing
 * OpenAPI documents its writes: one of each record (the fixtures), the custom fields Zoho's settings
 * define for customers and subscriptions, and a credential whose Scope holds the write scopes.
 * Test-only code.
 */
import { zohoRecord } from '../fixtures';
import { zohoCredentials } from './credentials';
import { zohoBillingForEachTest } from './for-each-test';
import type { ZohoBillingStandIn } from './stand-ins/zoho-billing';

export const WRITE_SCOPES = [
	'ZohoSubscriptions.customers.CREATE',
	'ZohoSubscriptions.customers.UPDATE',
	'ZohoSubscriptions.subscriptions.CREATE',
	'ZohoSubscriptions.subscriptions.UPDATE',
	'ZohoSubscriptions.invoices.CREATE',
];
export const READ_SCOPES = [
	'ZohoSubscriptions.customers.READ',
	'ZohoSubscriptions.subscriptions.READ',
	'ZohoSubscriptions.invoices.READ',
	'ZohoSubscriptions.plans.READ',
];

/** The account for each test of a file (test/support/for-each-test.ts). */
export const zohoAccount = () => zohoBillingForEachTest(withWriteRecords);

/** Gives a stand-in the records and custom fields the write tests act on. */
export function withWriteRecords(zoho: ZohoBillingStandIn): void {
	zoho.records.customers = [zohoRecord('customer')];
	// It collects automatically, from this card (subscription.yml's `card` object).
	zoho.records.subscriptions = [
		zohoRecord('subscription', {
			card: { card_id: '2000000071001', last_four_digits: '4242', payment_gateway: 'stripe' },
		}),
	];
	zoho.records.invoices = [zohoRecord('invoice', { status: 'overdue', balance: 49.5 })];
	zoho.records.plans = [
		zohoRecord('plan'),
		zohoRecord('plan', { plan_code: 'TEAM-M', name: 'Team Monthly', recurring_price: 60 }),
	];
	zoho.customFieldDefinitions = {
		customers: [
			...zohoRecord('customer').custom_fields.map((field: Record<string, unknown>) => ({
				customfield_id: String(field.customfield_id),
				label: String(field.label),
				api_name: String(field.api_name),
				data_type: String(field.data_type),
				index: Number(field.index),
			})),
			{
				customfield_id: '2000000100009',
				label: 'Tier',
				api_name: 'cf_tier',
				data_type: 'string',
				index: 9,
			},
		],
		subscriptions: [
			{
				customfield_id: '2000000200001',
				label: 'Sales Channel',
				api_name: 'cf_sales_channel',
				data_type: 'string',
				index: 1,
			},
			{
				customfield_id: '2000000200002',
				label: 'Discount Percent',
				api_name: 'cf_discount_percent',
				data_type: 'percent',
				index: 2,
			},
			{
				customfield_id: '2000000200003',
				label: 'Modules',
				api_name: 'cf_modules',
				data_type: 'multiselect',
				index: 3,
			},
		],
		invoices: [],
	};
}

/** A credential whose Scope holds the write scopes (and the read ones the node needs besides). */
export const writeCredentials = (zoho: ZohoBillingStandIn) =>
	zohoCredentials(zoho, { scope: [...READ_SCOPES, ...WRITE_SCOPES].join(',') });

/** A From List / By ID parameter set to an ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The calls to Zoho Billing's API (not its token endpoint), as method and path. */
export const zohoApiCalls = (zoho: ZohoBillingStandIn) =>
	zoho.requestsTo('/billing/v1/').map((request) => `${request.method} ${request.path}`);

/**
 * Every write with a minimal valid input against the records above, and the scope it needs beyond
 * the read-only default (lib/zoho/actions.ts). Reactivate needs a non-renewing subscription.
 */
export const MINIMAL_WRITES: Array<{
	scope: string;
	resource: string;
	operation: string;
	parameters: Record<string, unknown>;
}> = [
	{
		scope: 'ZohoSubscriptions.customers.CREATE',
		resource: 'customer',
		operation: 'create',
		parameters: { displayName: 'Rui', email: 'rui@example.com' },
	},
	{
		scope: 'ZohoSubscriptions.customers.UPDATE',
		resource: 'customer',
		operation: 'update',
		parameters: { customerId: byId('2000000061001'), updateFields: { mobile: '1' } },
	},
	{
		scope: 'ZohoSubscriptions.subscriptions.UPDATE',
		resource: 'subscription',
		operation: 'update',
		parameters: { subscriptionId: byId('2000000081001'), updateFields: { quantity: 2 } },
	},
	{
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		resource: 'subscription',
		operation: 'cancel',
		parameters: { subscriptionId: byId('2000000081001') },
	},
	{
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		resource: 'subscription',
		operation: 'reactivate',
		parameters: { subscriptionId: byId('2000000081001') },
	},
	{
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		resource: 'subscription',
		operation: 'updateCustomFields',
		parameters: {
			subscriptionId: byId('2000000081001'),
			customFields: { field: [{ name: 'Sales Channel', value: 'Direct' }] },
		},
	},
	{
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		resource: 'subscription',
		operation: 'changeNextBillingDate',
		parameters: { subscriptionId: byId('2000000081001'), nextBillingDate: '2026-12-20' },
	},
	{
		scope: 'ZohoSubscriptions.invoices.CREATE',
		resource: 'invoice',
		operation: 'email',
		parameters: { invoiceId: byId('2000000091001') },
	},
	{
		scope: 'ZohoSubscriptions.invoices.CREATE',
		resource: 'invoice',
		operation: 'void',
		parameters: { invoiceId: byId('2000000091001') },
	},
];
