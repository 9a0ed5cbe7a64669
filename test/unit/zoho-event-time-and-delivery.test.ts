import { eventTimeMs } from '../../lib/zoho/event-time';
import { webhookDeliveryOf } from '../../lib/zoho/webhook-delivery';

describe('eventTimeMs', () => {
	it.each([
		['2016-06-05T18:28:20-0700', '2016-06-06T01:28:20.000Z'],
		['2016-06-05T18:28:20-07:00', '2016-06-06T01:28:20.000Z'],
		['2026-11-02T15:28:59+0530', '2026-11-02T09:58:59.000Z'],
		['2026-11-02T15:28:59Z', '2026-11-02T15:28:59.000Z'],
		['2026-11-02T15:28:59.123456Z', '2026-11-02T15:28:59.123Z'],
		['2026-11-02 15:28', '2026-11-02T15:28:00.000Z'],
		['2023-08-02', '2023-08-02T00:00:00.000Z'],
	])('reads %s', (text, iso) => {
		expect(new Date(eventTimeMs(text)).toISOString()).toBe(iso);
	});

	it.each([[''], ['yesterday'], ['2026-13-45'], [20260101], [null]])(
		'gives NaN for %j',
		(value) => {
			expect(eventTimeMs(value)).toBeNaN();
		},
	);
});

describe('webhookDeliveryOf', () => {
	const of = (...statuses: string[]) =>
		webhookDeliveryOf({
			webhooks: statuses.map((status, index) => ({ webhook_id: String(index), status })),
		});

	it("sums up an event's deliveries in one word", () => {
		expect(of('success')).toBe('success');
		expect(of('success', 'success')).toBe('success');
		expect(of('success', 'failure')).toBe('failure');
		expect(of('scheduled', 'success')).toBe('scheduled');
		expect(of('scheduled', 'failure')).toBe('failure');
		expect(of()).toBe('none');
		expect(of('retrying')).toBe('scheduled'); // a status Zoho may add: not settled
	});

	it('says nothing for a record without deliveries (a listed event)', () => {
		expect(webhookDeliveryOf({ event_id: '1' })).toBeUndefined();
	});
});
