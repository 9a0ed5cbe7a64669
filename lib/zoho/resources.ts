/**
 * The Zoho Billing records the Zoho Billing node looks up besides events: customers, subscriptions,
 * invoices and plans. One place for each one's endpoints, OAuth scope and list filters.
 *
 * Sources: Zoho Billing API v1 (https://www.zoho.com/billing/api/v1/, each module's "List" and
 * "Retrieve" pages), Zoho's Billing OpenAPI documents (customers.yml: `filter_by` values
 * `Status.(All|Active|Inactive|…)`), and Zoho's Subscriptions Postman collection (per-request
 * `oauthscope`, list parameters). What those do not settle is marked UNCONFIRMED in `LIST_FILTERS`;
 * every filter Zoho might ignore is also applied to the listed records here, so results are right
 * either way (only the number of pages read can differ).
 */
import { calendarDay } from '../dates';
import { InputError } from '../input-error';
import { isPlainObject } from '../json';

export type LookupResource = 'customer' | 'subscription' | 'invoice' | 'plan';

export interface LookupResourceSpec {
	resource: LookupResource;
	displayName: string;
	/** Collection path under /billing/v1. */
	path: string;
	/** Where a list answer holds the records, and where a retrieve answer holds the record. */
	listKey: string;
	key: string;
	/** The parameter and field identifying one record: an ID, or for plans their code. */
	idLabel: string;
	idField: string;
	idExample: string;
	/** The OAuth scope reading it needs. */
	scope: string;
}

export const LOOKUP_RESOURCES: Record<LookupResource, LookupResourceSpec> = {
	customer: {
		resource: 'customer',
		displayName: 'Customer',
		path: '/customers',
		listKey: 'customers',
		key: 'customer',
		idLabel: 'Customer ID',
		idField: 'customer_id',
		idExample: '903000000000099',
		scope: 'ZohoSubscriptions.customers.READ',
	},
	subscription: {
		resource: 'subscription',
		displayName: 'Subscription',
		path: '/subscriptions',
		listKey: 'subscriptions',
		key: 'subscription',
		idLabel: 'Subscription ID',
		idField: 'subscription_id',
		idExample: '903000000045063',
		scope: 'ZohoSubscriptions.subscriptions.READ',
	},
	invoice: {
		resource: 'invoice',
		displayName: 'Invoice',
		path: '/invoices',
		listKey: 'invoices',
		key: 'invoice',
		idLabel: 'Invoice ID',
		idField: 'invoice_id',
		idExample: '903000000047321',
		scope: 'ZohoSubscriptions.invoices.READ',
	},
	plan: {
		resource: 'plan',
		displayName: 'Plan',
		path: '/plans',
		listKey: 'plans',
		key: 'plan',
		idLabel: 'Plan Code',
		idField: 'plan_code',
		idExample: 'basic-monthly',
		scope: 'ZohoSubscriptions.plans.READ',
	},
};

/** The scope each path needs, for a clear error when a credential lacks it. */
const SCOPE_OF_PATH: Array<[string, string]> = [
	...Object.values(LOOKUP_RESOURCES).map((spec): [string, string] => [spec.path, spec.scope]),
	['/events', 'ZohoSubscriptions.webhooks.READ'],
	['/organizations', 'ZohoSubscriptions.settings.READ'],
];

export function scopeForPath(path: string): string | undefined {
	return SCOPE_OF_PATH.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
}

/** Whether a credential's Scope field (comma or space separated) grants `scope`, or an all-access scope. */
export function grantsScope(granted: unknown, scope: string): boolean {
	const scopes = String(granted ?? '')
		.split(/[\s,]+/)
		.map((entry) => entry.trim().toLowerCase())
		.filter((entry) => entry !== '');
	const [service, module] = scope.toLowerCase().split('.');
	return scopes.some(
		(entry) =>
			entry === scope.toLowerCase() ||
			entry === `${service}.fullaccess.all` ||
			entry === `${service}.${module}.all`,
	);
}

/**
 * A status filter: the value the node's Status parameter takes, the `filter_by` Zoho takes for it,
 * and the record `status` values that filter stands for. Zoho applies the filter; the node checks the
 * statuses again on each record only in case Zoho did not, so the check must accept everything the
 * filter means, never less: an invoice's Unpaid is a filter, not a status.
 */
interface StatusFilter {
	value: string;
	name: string;
	filterBy: string;
	statuses: readonly string[];
	description?: string;
}

/**
 * Status filters per resource, from Zoho's Billing OpenAPI documents (as vendored in
 * Letstream/zoho-billing-python-sdk specs/): customers.yml `Status.(All|Active|Inactive|…)`;
 * subscription.yml `SubscriptionStatus.(All|ACTIVE|LIVE|FUTURE|TRIAL|PAST_DUE|UNPAID|NON_RENEWING|
 * CANCELLED_FROM_DUNNING|CANCELLED|EXPIRED|TRIAL_EXPIRED|…)` over the statuses live, trial, dunning,
 * unpaid, non_renewing, cancelled, creation_failed, cancelled_from_dunning, expired, trial_expired and
 * future; invoices.yml `Status.(All|Sent|Draft|OverDue|Paid|PartiallyPaid|Void|Unpaid)` over the
 * statuses paid, sent, overdue, partially_paid and void (draft for drafts); plans `PlanStatus.*`
 * (Zoho's Subscriptions Postman collection). Where a filter's reach is not spelled out (does Cancelled
 * include cancelled_from_dunning?) the check takes the wider reading: UNCONFIRMED, and harmless,
 * since Zoho's own filter decides what it lists.
 */
export const STATUS_FILTERS: Record<LookupResource, StatusFilter[]> = {
	customer: [
		{ value: 'active', name: 'Active', filterBy: 'Status.Active', statuses: ['active'] },
		{ value: 'inactive', name: 'Inactive', filterBy: 'Status.Inactive', statuses: ['inactive'] },
	],
	subscription: [
		{
			value: 'cancelled',
			name: 'Cancelled',
			filterBy: 'SubscriptionStatus.CANCELLED',
			statuses: ['cancelled', 'cancelled_from_dunning'],
		},
		{
			value: 'expired',
			name: 'Expired',
			filterBy: 'SubscriptionStatus.EXPIRED',
			statuses: ['expired'],
		},
		{
			value: 'future',
			name: 'Future',
			filterBy: 'SubscriptionStatus.FUTURE',
			statuses: ['future'],
		},
		{ value: 'live', name: 'Live', filterBy: 'SubscriptionStatus.LIVE', statuses: ['live'] },
		{
			value: 'non_renewing',
			name: 'Non Renewing',
			filterBy: 'SubscriptionStatus.NON_RENEWING',
			statuses: ['non_renewing'],
		},
		{
			value: 'past_due',
			name: 'Past Due',
			filterBy: 'SubscriptionStatus.PAST_DUE',
			statuses: ['dunning'],
			description: 'A payment failed and Zoho is retrying it (status dunning)',
		},
		{ value: 'trial', name: 'Trial', filterBy: 'SubscriptionStatus.TRIAL', statuses: ['trial'] },
		{
			value: 'trial_expired',
			name: 'Trial Expired',
			filterBy: 'SubscriptionStatus.TRIAL_EXPIRED',
			statuses: ['trial_expired'],
		},
		{
			value: 'unpaid',
			name: 'Unpaid',
			filterBy: 'SubscriptionStatus.UNPAID',
			statuses: ['unpaid'],
		},
	],
	invoice: [
		{ value: 'draft', name: 'Draft', filterBy: 'Status.Draft', statuses: ['draft'] },
		{ value: 'overdue', name: 'Overdue', filterBy: 'Status.OverDue', statuses: ['overdue'] },
		{ value: 'paid', name: 'Paid', filterBy: 'Status.Paid', statuses: ['paid'] },
		{
			value: 'partially_paid',
			name: 'Partially Paid',
			filterBy: 'Status.PartiallyPaid',
			statuses: ['partially_paid'],
		},
		{ value: 'sent', name: 'Sent', filterBy: 'Status.Sent', statuses: ['sent'] },
		{
			value: 'unpaid',
			name: 'Unpaid',
			filterBy: 'Status.Unpaid',
			statuses: ['sent', 'overdue', 'partially_paid'],
			description: 'Every invoice with a balance due: sent, overdue or partially paid',
		},
		{ value: 'void', name: 'Void', filterBy: 'Status.Void', statuses: ['void'] },
	],
	plan: [
		{ value: 'active', name: 'Active', filterBy: 'PlanStatus.ACTIVE', statuses: ['active'] },
		{
			value: 'inactive',
			name: 'Inactive',
			filterBy: 'PlanStatus.INACTIVE',
			statuses: ['inactive'],
		},
	],
};

export interface LookupFilters {
	status?: string;
	customerId?: string;
	email?: string;
	name?: string;
	/** Invoice dates, inclusive: any string starting with YYYY-MM-DD. */
	dateFrom?: string;
	dateTo?: string;
}

export interface LookupListPlan {
	/** Query parameters for every page (without `page` / `per_page`). */
	query: Record<string, string>;
	/** Whether a listed record passes every filter (Zoho may not have applied them all). */
	keep: (record: Record<string, unknown>) => boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The query and the local check for listing `resource` with `filters`. */
export function planLookupList(resource: LookupResource, filters: LookupFilters): LookupListPlan {
	const query: Record<string, string> = {};
	const checks: Array<(record: Record<string, unknown>) => boolean> = [];

	const status = text(filters.status);
	if (status !== '' && status !== 'all') {
		const known = STATUS_FILTERS[resource].find((candidate) => candidate.value === status);
		if (!known) {
			const values = ['all', ...STATUS_FILTERS[resource].map((candidate) => candidate.value)];
			throw new InputError(`Status must be one of ${values.join(', ')}, got "${status}"`);
		}
		query.filter_by = known.filterBy;
		checks.push((record) => known.statuses.includes(text(record.status).toLowerCase()));
	}

	const customerId = text(filters.customerId);
	if (customerId !== '') {
		query.customer_id = customerId; // documented for subscriptions and invoices
		checks.push((record) => String(record.customer_id ?? '') === customerId);
	}

	// Zoho's `search_text` (UNCONFIRMED which fields it searches) narrows the list; the exact rule is
	// applied here: the email matches whole (any case), the name is contained in one of the names.
	const email = text(filters.email).toLowerCase();
	const name = text(filters.name).toLowerCase();
	if (email !== '' || name !== '') query.search_text = email || name;
	if (email !== '') checks.push((record) => text(record.email).toLowerCase() === email);
	if (name !== '') {
		checks.push((record) =>
			['display_name', 'first_name', 'last_name', 'company_name', 'customer_name'].some((field) =>
				text(record[field]).toLowerCase().includes(name),
			),
		);
	}

	const from = calendarDay('Date From', filters.dateFrom);
	const to = calendarDay('Date To', filters.dateTo);
	if (from && to && from > to) {
		throw new InputError(`Date From (${from}) must not be after Date To (${to})`);
	}
	if (from || to) {
		checks.push((record) => {
			const date = text(record.invoice_date ?? record.date).slice(0, 10);
			return date !== '' && (!from || date >= from) && (!to || date <= to);
		});
	}

	return {
		query,
		keep: (record) => isPlainObject(record) && checks.every((check) => check(record)),
	};
}
