/**
 * The catalogue of Zoho Billing event types: the one place every node reads them from.
 *
 * Source: Zoho Billing Events API, "Event Types" (24 types), see
 * https://www.zoho.com/billing/api/v1/events/ . Zoho adds types over time, so an event type that is not
 * listed here is still a valid event: callers treat `event_type` as a free string and use
 * `resourceOfEventType` to classify it.
 */

/** The Zoho Billing object an event is about. */
export type ZohoResource = 'subscription' | 'invoice' | 'payment' | 'card' | 'creditnote';

export interface ZohoEventType {
	/** The `event_type` string Zoho sends, e.g. `subscription_created`. */
	name: string;
	/** Human label for pickers, e.g. "Subscription Created". */
	displayName: string;
	/** Zoho's own description of when it fires. */
	description: string;
	resource: ZohoResource;
}

export const ZOHO_EVENT_TYPES: readonly ZohoEventType[] = [
	{
		name: 'subscription_created',
		displayName: 'Subscription Created',
		description: 'A subscription is created',
		resource: 'subscription',
	},
	{
		name: 'trial_expiring',
		displayName: 'Trial Expiring',
		description: 'A subscription trial expires in 3 days',
		resource: 'subscription',
	},
	{
		name: 'subscription_activation',
		displayName: 'Subscription Activated',
		description: 'A subscription reaches the Live state',
		resource: 'subscription',
	},
	{
		name: 'subscription_ahead',
		displayName: 'Subscription Renewal Ahead',
		description: 'A subscription renews in 3 days',
		resource: 'subscription',
	},
	{
		name: 'subscription_renewed',
		displayName: 'Subscription Renewed',
		description: 'A subscription is renewed',
		resource: 'subscription',
	},
	{
		name: 'billing_date_changed',
		displayName: 'Billing Date Changed',
		description: 'The billing date of a subscription is changed',
		resource: 'subscription',
	},
	{
		name: 'subscription_upgraded',
		displayName: 'Subscription Upgraded',
		description: 'A subscription moves from a lower to a higher plan',
		resource: 'subscription',
	},
	{
		name: 'subscription_downgraded',
		displayName: 'Subscription Downgraded',
		description: 'A subscription moves from a higher to a lower plan',
		resource: 'subscription',
	},
	{
		name: 'subscription_unpaid',
		displayName: 'Subscription Unpaid',
		description: 'A subscription is marked as unpaid',
		resource: 'subscription',
	},
	{
		name: 'subscription_cancelled',
		displayName: 'Subscription Cancelled',
		description: 'A subscription is cancelled',
		resource: 'subscription',
	},
	{
		name: 'subscription_reactivated',
		displayName: 'Subscription Reactivated',
		description: 'A subscription is reactivated from the cancelled state',
		resource: 'subscription',
	},
	{
		name: 'subscription_cancellation_scheduled',
		displayName: 'Subscription Cancellation Scheduled',
		description: 'A subscription is set to cancel at the next renewal',
		resource: 'subscription',
	},
	{
		name: 'subscription_move_to_free_scheduled',
		displayName: 'Subscription Move To Free Scheduled',
		description: 'A subscription is set to move to a free plan at the next renewal',
		resource: 'subscription',
	},
	{
		name: 'subscription_expiring',
		displayName: 'Subscription Expiring',
		description: 'A subscription expires in 3 days',
		resource: 'subscription',
	},
	{
		name: 'subscription_expired',
		displayName: 'Subscription Expired',
		description: 'A subscription has expired',
		resource: 'subscription',
	},
	{
		name: 'subscription_deleted',
		displayName: 'Subscription Deleted',
		description: 'A subscription is deleted',
		resource: 'subscription',
	},
	{
		name: 'invoice_created',
		displayName: 'Invoice Created',
		description: 'An invoice is raised',
		resource: 'invoice',
	},
	{
		name: 'creditnote_added',
		displayName: 'Credit Note Added',
		description: 'A credit note is added',
		resource: 'creditnote',
	},
	{
		name: 'payment_thankyou',
		displayName: 'Payment Received',
		description: 'A payment for an invoice is received',
		resource: 'payment',
	},
	{
		name: 'payment_refunded',
		displayName: 'Payment Refunded',
		description: 'A payment is refunded',
		resource: 'payment',
	},
	{
		name: 'payment_declined',
		displayName: 'Payment Declined',
		description: 'A payment for an invoice fails',
		resource: 'payment',
	},
	{
		name: 'card_expired',
		displayName: 'Card Expired',
		description: 'A customer card has expired',
		resource: 'card',
	},
	{
		name: 'card_expiring',
		displayName: 'Card Expiring',
		description: 'A customer card expires in 15 days',
		resource: 'card',
	},
	{
		name: 'card_deleted',
		displayName: 'Card Deleted',
		description: 'A customer card is deleted',
		resource: 'card',
	},
];

const BY_NAME = new Map(ZOHO_EVENT_TYPES.map((eventType) => [eventType.name, eventType]));

/**
 * The event types Zoho's events list accepts as a filter, `filter_by=EventType.<type>`: the values
 * Zoho's Subscriptions Postman collection documents ("List of events", vendored in
 * vladaman/n8n-nodes-zoho docs/Zoho Subscriptions API.postman_collection.json). It lacks
 * `invoice_created`, `subscription_unpaid` and the two `*_scheduled` types of the catalogue above,
 * and any type Zoho adds later; how Zoho answers those as a filter is undocumented. For them the list
 * is read unfiltered and the type is checked locally, which costs one call per 200 events listed.
 */
const LIST_FILTER_EVENT_TYPES: ReadonlySet<string> = new Set([
	'subscription_created',
	'subscription_upgraded',
	'subscription_downgraded',
	'subscription_renewed',
	'subscription_cancelled',
	'subscription_expiring',
	'subscription_expired',
	'onetimeaddon_purchased',
	'subscription_activation',
	'subscription_reactivated',
	'invoice_notification',
	'payment_thankyou',
	'payment_declined',
	'payment_refunded',
	'trial_expiring',
	'subscription_cancelling',
	'card_expired',
	'card_expiring',
	'subscription_ahead',
	'subscription_deleted',
	'creditnote_added',
	'creditnote_updated',
	'creditnote_deleted',
	'card_deleted',
	'billing_date_changed',
]);

/** Whether Zoho documents listing events of this type with `filter_by=EventType.<type>`. */
export function zohoListFiltersByEventType(name: string): boolean {
	return LIST_FILTER_EVENT_TYPES.has(name);
}

/** Resource prefixes, longest first, used to classify event types the catalogue does not know yet. */
const RESOURCE_PREFIXES: ReadonlyArray<[string, ZohoResource]> = [
	['subscription_', 'subscription'],
	['creditnote_', 'creditnote'],
	['invoice_', 'invoice'],
	['payment_', 'payment'],
	['card_', 'card'],
	['trial_', 'subscription'],
];

/**
 * The resource an event type is about. Known types come from the catalogue; unknown future types
 * (Zoho keeps adding them, e.g. `invoice_updated`) are classified by their prefix.
 */
export function resourceOfEventType(name: string): ZohoResource | undefined {
	const known = BY_NAME.get(name);
	if (known) return known.resource;
	const prefix = RESOURCE_PREFIXES.find(([candidate]) => name.startsWith(candidate));
	return prefix?.[1];
}

/** A choice in a picker of event types: n8n-free, the nodes map it to their options. */
export interface EventTypeChoice {
	name: string;
	value: string;
	description: string;
}

/**
 * The catalogue as picker choices. `forList`: for a filter of Zoho's events list, where a type Zoho
 * does not filter on (see `zohoListFiltersByEventType`) costs more, and the choice says so.
 */
export function eventTypeChoices(forList = false): EventTypeChoice[] {
	return ZOHO_EVENT_TYPES.map((eventType) => ({
		name: eventType.displayName,
		value: eventType.name,
		description:
			forList && !zohoListFiltersByEventType(eventType.name)
				? `${eventType.description}. Zoho cannot filter its list by this type: every event is listed (one call per 200) and checked here.`
				: eventType.description,
	}));
}

/** Value of the "every event type" choice in event filters. */
export const ALL_EVENT_TYPES = '*';

/** Whether a filter lets every event through: empty, or holding `ALL_EVENT_TYPES`. */
export function isEveryEventType(filter: readonly string[]): boolean {
	return filter.length === 0 || filter.includes(ALL_EVENT_TYPES);
}

/**
 * Whether an event passes a user's event filter. An empty filter or one holding `ALL_EVENT_TYPES`
 * lets every event through, including types this catalogue does not list yet.
 */
export function eventTypeMatchesFilter(
	eventType: string | null | undefined,
	filter: readonly string[],
): boolean {
	if (isEveryEventType(filter)) return true;
	return typeof eventType === 'string' && filter.includes(eventType);
}

/**
 * What a webhook trigger does with an event under its filter: `match` starts the workflow, `other`
 * is acknowledged and ignored, `untyped` (no event type, under a filter naming types) is refused, since
 * the filter cannot decide and an acknowledged event would be lost without a trace (custom-payload.ts).
 */
export function eventFilterVerdict(
	eventType: string | null | undefined,
	filter: readonly string[],
): 'match' | 'other' | 'untyped' {
	if (isEveryEventType(filter)) return 'match';
	if (typeof eventType !== 'string' || eventType === '') return 'untyped';
	return filter.includes(eventType) ? 'match' : 'other';
}
