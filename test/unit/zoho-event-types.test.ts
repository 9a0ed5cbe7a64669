import {
	ALL_EVENT_TYPES,
	ZOHO_EVENT_TYPES,
	eventTypeMatchesFilter,
	findZohoEventType,
	resourceOfEventType,
} from '../../lib/zoho/event-types';

describe('Zoho event catalogue', () => {
	it('lists the 24 documented event types once each, each with a resource', () => {
		const names = ZOHO_EVENT_TYPES.map((eventType) => eventType.name);
		expect(names).toHaveLength(24);
		expect(new Set(names).size).toBe(24);
		const counts: Record<string, number> = {};
		for (const eventType of ZOHO_EVENT_TYPES)
			counts[eventType.resource] = (counts[eventType.resource] ?? 0) + 1;
		expect(counts).toEqual({ subscription: 16, invoice: 1, creditnote: 1, payment: 3, card: 3 });
	});

	it('finds types and classifies unknown ones by prefix', () => {
		expect(findZohoEventType('payment_declined')?.displayName).toBe('Payment Declined');
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
