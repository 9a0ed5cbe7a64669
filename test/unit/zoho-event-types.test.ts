import {
	ALL_EVENT_TYPES,
	ZOHO_EVENT_TYPES,
	eventTypeMatchesFilter,
	resourceOfEventType,
} from '../../lib/zoho/event-types';

describe('Zoho event catalogue', () => {
	it('names each type once, so a filter or a lookup can never pick the wrong entry', () => {
		const names = ZOHO_EVENT_TYPES.map((eventType) => eventType.name);
		expect(new Set(names).size).toBe(names.length);
		for (const eventType of ZOHO_EVENT_TYPES) {
			expect(resourceOfEventType(eventType.name)).toBe(eventType.resource);
		}
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
