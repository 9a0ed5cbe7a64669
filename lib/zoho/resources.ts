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
import { trimmedText } from '../text';

export type LookupResource = 'customer' | 'subscription' | 'invoice' | 'plan';

/** A Get Many filter as the node panel shows it: n8n-free, nodes/shared turns it into n8n's field. */
export interface FilterField {
	name: string;
	displayName: string;
	type: 'string' | 'dateTime' | 'options';
	options?: Array<{ name: string; value: string; description?: string }>;
	default: string;
	placeholder?: string;
	description?: string;
}

/** What a filter's value does: the query Zoho gets, and the check each listed record must pass. */
export interface FilterPlan {
	query?: Record<string, string>;
	keep?: (record: Record<string, unknown>) => boolean;
}

/**
 * One Get Many filter: its panel fields, and what their values do. Zoho applies its own filters; the
 * node checks them again on every listed record in case Zoho did not, so the check accepts everything
 * the filter means, never less. Nothing is planned for empty values.
 */
export interface ListFilter {
	fields: FilterField[];
	plan(values: Record<string, unknown>): FilterPlan | undefined;
}

export interface ZohoResourceSpec {
	resource: LookupResource | 'event';
	displayName: string;
	/** Collection path under /billing/v1. */
	path: string;
	/** Where a list answer holds the records, and where a retrieve answer holds the record. */
	listKey: string;
	key: string;
	/** The parameter and field identifying one record: an ID, or for plans their code. */
	idLabel: string;
	idField: string;
	idParameter: string;
	idExample: string;
	/** The OAuth scope reading it needs. */
	scope: string;
	/** The node panel's words for Get and Get Many (n8n's action names). */
	get: { action: string; description: string };
	getMany: { action: string; description: string };
}

export interface LookupResourceSpec extends ZohoResourceSpec {
	resource: LookupResource;
	/** The Get Many filters, in the order the panel lists them. */
	filters: ListFilter[];
}

/** A status filter value, the `filter_by` Zoho takes for it, and the record statuses it stands for. */
interface StatusFilter {
	value: string;
	name: string;
	filterBy: string;
	statuses: readonly string[];
	description?: string;
}

/** The Status filter over a resource's documented status filters (see STATUS_FILTERS). */
function statusFilter(statuses: StatusFilter[]): ListFilter {
	return {
		fields: [
			{
				name: 'status',
				displayName: 'Status',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					...statuses.map(({ name, value, description }) => ({
						name,
						value,
						...(description ? { description } : {}),
					})),
				],
				default: 'all',
			},
		],
		plan(values) {
			const status = trimmedText(values.status);
			if (status === '' || status === 'all') return undefined;
			const known = statuses.find((candidate) => candidate.value === status);
			if (!known) {
				const choices = ['all', ...statuses.map((candidate) => candidate.value)];
				throw new InputError(`Status must be one of ${choices.join(', ')}, got "${status}"`);
			}
			return {
				query: { filter_by: known.filterBy },
				keep: (record) => known.statuses.includes(trimmedText(record.status).toLowerCase()),
			};
		},
	};
}

/** Records of one customer: `customer_id`, documented for subscriptions and invoices. */
const customerIdFilter: ListFilter = {
	fields: [
		{
			name: 'customerId',
			displayName: 'Customer ID',
			type: 'string',
			default: '',
			placeholder: '903000000000099',
			description:
				'Only records of this customer, for example the customer_id of a Zoho Billing event',
		},
	],
	plan(values) {
		const customerId = trimmedText(values.customerId);
		if (customerId === '') return undefined;
		return {
			query: { customer_id: customerId },
			keep: (record) => trimmedText(record.customer_id) === customerId,
		};
	},
};

// Zoho's `search_text` (UNCONFIRMED which fields it searches) narrows the list; the exact rule is
// checked here: the email matches whole (any case), the name is contained in one of the names.
const emailFilter: ListFilter = {
	fields: [
		{
			name: 'email',
			displayName: 'Email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Only the customer with this email address (any case)',
		},
	],
	plan(values) {
		const email = trimmedText(values.email).toLowerCase();
		if (email === '') return undefined;
		return {
			query: { search_text: email },
			keep: (record) => trimmedText(record.email).toLowerCase() === email,
		};
	},
};

const nameFilter: ListFilter = {
	fields: [
		{
			name: 'name',
			displayName: 'Name Contains',
			type: 'string',
			default: '',
			description: 'Only customers whose display, first, last or company name contains this text',
		},
	],
	plan(values) {
		const name = trimmedText(values.name).toLowerCase();
		if (name === '') return undefined;
		return {
			query: { search_text: name },
			keep: (record) =>
				['display_name', 'first_name', 'last_name', 'company_name', 'customer_name'].some((field) =>
					trimmedText(record[field]).toLowerCase().includes(name),
				),
		};
	},
};

/** Invoice dates: no Billing list parameter is confirmed, so the range is only checked here. */
const invoiceDateFilter: ListFilter = {
	fields: [
		{
			name: 'dateFrom',
			displayName: 'Date From',
			type: 'dateTime',
			default: '',
			description: 'Only invoices dated on or after this day',
		},
		{
			name: 'dateTo',
			displayName: 'Date To',
			type: 'dateTime',
			default: '',
			description: 'Only invoices dated on or before this day',
		},
	],
	plan(values) {
		const from = calendarDay('Date From', values.dateFrom);
		const to = calendarDay('Date To', values.dateTo);
		if (from && to && from > to)
			throw new InputError(`Date From (${from}) must not be after Date To (${to})`);
		if (!from && !to) return undefined;
		return {
			keep: (record) => {
				const date = trimmedText(record.invoice_date ?? record.date).slice(0, 10);
				return date !== '' && (!from || date >= from) && (!to || date <= to);
			},
		};
	},
};

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

/** Each lookup resource: endpoints, scope, the panel's words and its Get Many filters. */
export const LOOKUP_RESOURCES: Record<LookupResource, LookupResourceSpec> = {
	customer: {
		resource: 'customer',
		displayName: 'Customer',
		path: '/customers',
		listKey: 'customers',
		key: 'customer',
		idLabel: 'Customer ID',
		idField: 'customer_id',
		idParameter: 'customerId',
		idExample: '903000000000099',
		scope: 'ZohoSubscriptions.customers.READ',
		get: { action: 'Get a customer', description: 'Get one customer by its ID' },
		getMany: { action: 'Get many customers', description: 'List customers, with filters' },
		filters: [emailFilter, nameFilter, statusFilter(STATUS_FILTERS.customer)],
	},
	subscription: {
		resource: 'subscription',
		displayName: 'Subscription',
		path: '/subscriptions',
		listKey: 'subscriptions',
		key: 'subscription',
		idLabel: 'Subscription ID',
		idField: 'subscription_id',
		idParameter: 'subscriptionId',
		idExample: '903000000045063',
		scope: 'ZohoSubscriptions.subscriptions.READ',
		get: { action: 'Get a subscription', description: 'Get one subscription by its ID' },
		getMany: {
			action: 'Get many subscriptions',
			description: 'List subscriptions, with filters',
		},
		filters: [customerIdFilter, statusFilter(STATUS_FILTERS.subscription)],
	},
	invoice: {
		resource: 'invoice',
		displayName: 'Invoice',
		path: '/invoices',
		listKey: 'invoices',
		key: 'invoice',
		idLabel: 'Invoice ID',
		idField: 'invoice_id',
		idParameter: 'invoiceId',
		idExample: '903000000047321',
		scope: 'ZohoSubscriptions.invoices.READ',
		get: { action: 'Get an invoice', description: 'Get one invoice by its ID' },
		getMany: { action: 'Get many invoices', description: 'List invoices, with filters' },
		filters: [customerIdFilter, invoiceDateFilter, statusFilter(STATUS_FILTERS.invoice)],
	},
	plan: {
		resource: 'plan',
		displayName: 'Plan',
		path: '/plans',
		listKey: 'plans',
		key: 'plan',
		idLabel: 'Plan Code',
		idField: 'plan_code',
		idParameter: 'planCode',
		idExample: 'basic-monthly',
		scope: 'ZohoSubscriptions.plans.READ',
		get: { action: 'Get a plan', description: 'Get one plan by its code' },
		getMany: { action: 'Get many plans', description: 'List plans, with filters' },
		filters: [statusFilter(STATUS_FILTERS.plan)],
	},
};

/** Events: the same endpoints and words; their list plan is planEventList (event-list-query.ts). */
export const EVENT_RESOURCE: ZohoResourceSpec = {
	resource: 'event',
	displayName: 'Event',
	path: '/events',
	listKey: 'events',
	key: 'event',
	idLabel: 'Event ID',
	idField: 'event_id',
	idParameter: 'eventId',
	idExample: '90300000005337',
	scope: 'ZohoSubscriptions.webhooks.READ',
	get: { action: 'Get an event', description: 'Get one event with its full payload' },
	getMany: { action: 'Get many events', description: 'List events, newest first, with filters' },
};

/** The query and the local check of listing a resource with its filters' values. */
export interface ListPlan {
	/** Query parameters for every page (without `page` / `per_page`). */
	query: Record<string, string>;
	/** Whether a listed record passes every filter; undefined when the node checks nothing. */
	keep?: (record: Record<string, unknown>) => boolean;
}

/**
 * The list plan of a lookup resource: each filter's query (the first filter to set a parameter
 * keeps it: an email search over a name search) and all their checks.
 */
export function planLookupList(
	spec: LookupResourceSpec,
	values: Record<string, unknown>,
): ListPlan {
	const query: Record<string, string> = {};
	const checks: Array<(record: Record<string, unknown>) => boolean> = [];
	for (const filter of spec.filters) {
		const planned = filter.plan(values);
		if (!planned) continue;
		for (const [name, value] of Object.entries(planned.query ?? {})) query[name] ??= value;
		if (planned.keep) checks.push(planned.keep);
	}
	return checks.length === 0
		? { query }
		: { query, keep: (record) => isPlainObject(record) && checks.every((check) => check(record)) };
}

/** The scope each path needs, for a clear error when a credential lacks it. */
const SCOPE_OF_PATH: Array<[string, string]> = [
	...Object.values(LOOKUP_RESOURCES).map((spec): [string, string] => [spec.path, spec.scope]),
	[EVENT_RESOURCE.path, EVENT_RESOURCE.scope],
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
