/**
 * What real Zoho accounts send, as opposed to the documented examples (test/fixtures/index.ts names
 * the captures): 18-digit IDs as JSON numbers, a date-only `event_time` beside a full `created_time`,
 * and a customer whose phone is only on the contact person.
 */
import { parseJsonExact } from '../../lib/json';
import {
	findZohoIdentifier,
	toMoEngageAttributes,
	toMoEngageEvent,
	ZOHO_ATTRIBUTE_KEYS,
} from '../../lib/moengage/zoho-to-moengage';
import { customerMobile, primaryContactPerson } from '../../lib/zoho/customer-contact';
import { mostPreciseEventTime, sortByEventTime } from '../../lib/zoho/event-time';
import { normalizeZohoEvent, type NormalizedZohoEvent } from '../../lib/zoho/normalize-event';
import { acceptZohoWebhook } from '../../lib/zoho/webhook-request';
import { CAPTURED_NUMERIC_IDS, capturedZohoWebhook } from '../fixtures';
import { signZohoWebhook } from '../support/zoho-webhook-signer';

const SECRET = 'ZohoSecret12345';
const NOW = new Date('2026-12-01T00:00:00Z');
const raw = capturedZohoWebhook('subscription_upgraded');

function accepted(body = raw): NormalizedZohoEvent {
	const result = acceptZohoWebhook(
		{
			rawBody: Buffer.from(body),
			contentType: 'application/json',
			signature: signZohoWebhook(body, SECRET),
			query: {},
		},
		SECRET,
	);
	if (!result.ok) throw new Error(result.message);
	return result.event as NormalizedZohoEvent;
}

describe('parseJsonExact', () => {
	it('keeps integers a double cannot hold as their exact decimal text', () => {
		expect(String(JSON.parse('{"id":135953000000056055}').id)).not.toBe('135953000000056055');
		expect(parseJsonExact('{"id":135953000000056055}')).toEqual({ id: '135953000000056055' });
		expect(parseJsonExact('[-135953000000056055, 9007199254740993]')).toEqual([
			'-135953000000056055',
			'9007199254740993',
		]);
	});

	it('leaves safe integers, fractions, exponents and strings as JSON.parse reads them', () => {
		const text =
			'{"safe":9007199254740991,"small":42,"fraction":1.2345678901234567,"exp":1e1234567890123456,' +
			'"text":"135953000000056055 \\"9999999999999999999\\"","neg":-3.5,"array":[1,2]}';
		expect(parseJsonExact(text)).toEqual(JSON.parse(text));
	});

	it('throws on text that is not JSON, as JSON.parse does', () => {
		expect(() => parseJsonExact('{"id": 1234567890123456789')).toThrow(SyntaxError);
	});
});

describe('a captured Zoho webhook', () => {
	it('keeps the 18-digit event_id and plan_id exact', () => {
		const event = accepted();
		expect(event.event_id).toBe(CAPTURED_NUMERIC_IDS.eventId);
		expect((event.subscription?.plan as { plan_id: unknown }).plan_id).toBe(
			CAPTURED_NUMERIC_IDS.planId,
		);
	});

	it('takes the created time for event_time when Zoho sent a bare date, and keeps the date', () => {
		const event = accepted();
		expect(event.event_time).toBe('2026-11-03T14:50:56+0100');
		expect(event.original_event_time).toBe('2026-11-03');
		expect(event.event_time_formatted).toBe('03/11/2026');
		expect(event.created_time).toBe('2026-11-03T14:50:56+0100');
	});

	it('gives MoEngage the precise time, as the event time and as zoho_last_event_time', () => {
		const event = accepted();
		expect(toMoEngageEvent(event, NOW).time).toBe('2026-11-03T13:50:56Z');
		expect(toMoEngageAttributes(event)[ZOHO_ATTRIBUTE_KEYS.lastEventTime]).toBe(
			'2026-11-03T13:50:56Z',
		);
	});

	it('identifies the user by the contact person’s mobile when the customer has no phone', () => {
		const event = accepted();
		expect(event.customer?.mobile).toBeUndefined();
		expect(event.customer?.phone).toBeUndefined();
		expect(findZohoIdentifier(event, 'mobile')).toBe('+352621000000');
		expect(toMoEngageAttributes(event).mobile).toBe('+352621000000');
	});
});

describe('mostPreciseEventTime', () => {
	it('prefers a timestamp event_time, else a created time on the same day, else what was sent', () => {
		expect(mostPreciseEventTime('2026-11-03T09:00:00-0500', '2026-11-03T10:00:00-0500')).toBe(
			'2026-11-03T09:00:00-0500',
		);
		expect(mostPreciseEventTime('2026-11-03', '2026-11-03T10:00:00-0500')).toBe(
			'2026-11-03T10:00:00-0500',
		);
		// A created time of another day says nothing about this event's day: the date stays.
		expect(mostPreciseEventTime('2026-11-03', '2026-10-01T10:00:00-0500')).toBe('2026-11-03');
		expect(mostPreciseEventTime(undefined, '2026-10-01T10:00:00-0500')).toBe(
			'2026-10-01T10:00:00-0500',
		);
		expect(mostPreciseEventTime('2026-11-03', 'not a time')).toBe('2026-11-03');
		expect(mostPreciseEventTime(undefined, undefined)).toBeNull();
	});

	it('is what normalization uses for Events API records too (created_time inside the payload)', () => {
		const record = {
			event_id: '1',
			event_type: 'subscription_created',
			event_time: '2023-08-02',
			payload: JSON.stringify({
				created_time: '2023-08-02T15:28:59-0400',
				event_type: 'subscription_created',
				event_time: '2023-08-02',
				data: { subscription: { subscription_id: '2' } },
			}),
		};
		const normalized = normalizeZohoEvent(record);
		expect(normalized.ok && normalized.event.event_time).toBe('2023-08-02T15:28:59-0400');
		expect(normalized.ok && normalized.event.original_event_time).toBe('2023-08-02');
	});
});

describe('sortByEventTime', () => {
	it('orders by the precise time, keeps equal times in arrival order, and readable times first', () => {
		const events = [
			{ id: 'a', event_time: '2026-11-03T15:00:00+0100' },
			{ id: 'b', event_time: 'unreadable' },
			{ id: 'c', event_time: '2026-11-03T08:00:00-0500' },
			{ id: 'd', event_time: '2026-11-03T14:00:00Z' },
			{ id: 'e', event_time: '2026-11-03T14:00:00Z' },
		];
		expect(sortByEventTime(events).map((event) => event.id)).toEqual(['c', 'a', 'd', 'e', 'b']);
	});
});

describe('customerMobile', () => {
	it('uses the customer’s own mobile, then phone, then the primary contact person’s', () => {
		const contact = { contactpersons: [{ mobile: '+2', phone: '+3' }] };
		expect(customerMobile({ customer: { mobile: '+1', phone: '+9' } })).toBe('+1');
		expect(customerMobile({ customer: { phone: '+9', ...contact } })).toBe('+9');
		expect(customerMobile({ customer: { mobile: '', ...contact } })).toBe('+2');
		expect(customerMobile({ customer: {}, subscription: contact })).toBe('+2');
		expect(
			customerMobile({ customer: {}, subscription: { contactpersons: [{ phone: '+3' }] } }),
		).toBe('+3');
		expect(customerMobile({ customer: {} })).toBeUndefined();
	});

	it('takes the person Zoho marks primary, else the first listed, never another person', () => {
		const persons = [
			{ email: 'first@example.com', mobile: '' },
			{ email: 'primary@example.com', mobile: '+5', is_primary_contact: true },
		];
		expect(primaryContactPerson({ contactpersons: persons })?.email).toBe('primary@example.com');
		expect(customerMobile({ customer: { contactpersons: persons } })).toBe('+5');
		const unflagged = [
			{ email: 'first@example.com' },
			{ email: 'other@example.com', mobile: '+6' },
		];
		expect(customerMobile({ customer: { contactpersons: unflagged } })).toBeUndefined();
	});
});
