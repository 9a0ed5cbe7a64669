import {
	ALL_EVENT_TYPES,
	ZOHO_EVENT_TYPES,
	eventTypeChoices,
	eventTypeMatchesFilter,
	resourceOfEventType,
	zohoListFiltersByEventType,
} from '../../lib/zoho/event-types';
import listFilterEventTypes from '../fixtures/zoho/documented/list-filter-event-types.json';

/**
 * Zoho's Events OpenAPI, "Event Types" (x-additionalInfo), 24 types with the object each is about:
 * https://www.zoho.com/billing/api/v1/events/ (docs/zoho-billing-api.md, "Event types"). Written out
 * here from the source, not from the catalogue, so the catalogue is checked against Zoho's list.
 */
const ZOHO_DOCUMENTED_TYPES: Record<string, string> = {
	subscription_created: 'subscription',
	trial_expiring: 'subscription',
	subscription_activation: 'subscription',
	subscription_ahead: 'subscription',
	subscription_renewed: 'subscription',
	billing_date_changed: 'subscription',
	subscription_upgraded: 'subscription',
	subscription_downgraded: 'subscription',
	subscription_unpaid: 'subscription',
	subscription_cancelled: 'subscription',
	subscription_reactivated: 'subscription',
	subscription_cancellation_scheduled: 'subscription',
	subscription_move_to_free_scheduled: 'subscription',
	subscription_expiring: 'subscription',
	subscription_expired: 'subscription',
	subscription_deleted: 'subscription',
	invoice_created: 'invoice',
	creditnote_added: 'creditnote',
	payment_thankyou: 'payment',
	payment_refunded: 'payment',
	payment_declined: 'payment',
	card_expired: 'card',
	card_expiring: 'card',
	card_deleted: 'card',
};

/**
 * The `filter_by=EventType.<type>` values of Zoho Subscriptions' Postman collection ("List all
 * events"), the only documented list filter by type, as the stand-in also reads them. It lacks
 * invoice_created, subscription_unpaid and the two *_scheduled types, and adds five types the OpenAPI
 * list does not name.
 */
const POSTMAN_LIST_FILTER_TYPES: string[] = listFilterEventTypes.filterByEventType;

describe('Zoho event catalogue', () => {
	it("holds every type of Zoho's documented list, each once, about the object Zoho says", () => {
		const names = ZOHO_EVENT_TYPES.map((eventType) => eventType.name);
		expect(new Set(names).size).toBe(names.length);
		expect(
			Object.fromEntries(
				ZOHO_EVENT_TYPES.filter((eventType) => eventType.name in ZOHO_DOCUMENTED_TYPES).map(
					(eventType) => [eventType.name, eventType.resource],
				),
			),
		).toEqual(ZOHO_DOCUMENTED_TYPES);
		for (const [name, resource] of Object.entries(ZOHO_DOCUMENTED_TYPES)) {
			expect(resourceOfEventType(name)).toBe(resource);
		}
	});

	it("filters Zoho's events list by type exactly where the Postman collection documents it", () => {
		for (const name of POSTMAN_LIST_FILTER_TYPES)
			expect(zohoListFiltersByEventType(name)).toBe(true);
		for (const name of [
			'invoice_created',
			'subscription_unpaid',
			'subscription_cancellation_scheduled',
			'subscription_move_to_free_scheduled',
			'subscription_paused',
			'invoice_updated',
		]) {
			expect(zohoListFiltersByEventType(name)).toBe(false);
		}
	});

	it('offers every catalogue type as a choice, and says which cost a full listing in a list filter', () => {
		const forTrigger = eventTypeChoices();
		const forList = eventTypeChoices(true);
		expect(forTrigger.map((choice) => choice.value)).toEqual(
			ZOHO_EVENT_TYPES.map((eventType) => eventType.name),
		);
		const costly = forList
			.filter((choice) => /every event is listed/.test(choice.description))
			.map((choice) => choice.value);
		expect(costly).toEqual(
			ZOHO_EVENT_TYPES.map((eventType) => eventType.name).filter(
				(name) => !POSTMAN_LIST_FILTER_TYPES.includes(name),
			),
		);
		expect(costly).toEqual(expect.arrayContaining(['invoice_created', 'subscription_unpaid']));
		expect(forTrigger.some((choice) => /every event is listed/.test(choice.description))).toBe(
			false,
		);
	});

	it('classifies types, and unknown ones by prefix', () => {
		expect(resourceOfEventType('trial_expiring')).toBe('subscription');
		expect(resourceOfEventType('subscription_paused')).toBe('subscription');
		expect(resourceOfEventType('creditnote_refunded')).toBe('creditnote');
		expect(resourceOfEventType('unbilled_charges_added')).toBeUndefined();
	});

	it('lets everything through "all", and only listed types otherwise', () => {
		expect(eventTypeMatchesFilter('some_future_event', [ALL_EVENT_TYPES])).toBe(true);
		expect(eventTypeMatchesFilter(undefined, [])).toBe(true);
		expect(eventTypeMatchesFilter('invoice_created', ['payment_declined', 'invoice_created'])).toBe(
			true,
		);
		expect(eventTypeMatchesFilter('subscription_created', ['payment_declined'])).toBe(false);
		expect(eventTypeMatchesFilter(undefined, ['payment_declined'])).toBe(false);
	});
});
