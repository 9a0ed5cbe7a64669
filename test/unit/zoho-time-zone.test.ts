import { eventListNeedsTimeZone, planEventList } from '../../lib/zoho/event-list-query';
import { addDays, weekday } from '../../lib/dates';
import { dayIn, zohoTimeZone } from '../../lib/zoho/time-zone';

describe("Zoho's organization time zone", () => {
	it('reads IANA names and common abbreviations, and nothing else', () => {
		expect(zohoTimeZone('Asia/Calcutta')).toBe('Asia/Calcutta');
		expect(zohoTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
		expect(zohoTimeZone('PST')).toBe('America/Los_Angeles');
		expect(zohoTimeZone(' ist ')).toBe('Asia/Kolkata');
		expect(zohoTimeZone('GMT')).toBe('UTC');
		expect(zohoTimeZone('Mars Standard Time')).toBeUndefined();
		expect(zohoTimeZone('')).toBeUndefined();
		expect(zohoTimeZone(undefined)).toBeUndefined();
	});

	it("counts an instant's day in the zone", () => {
		const instant = Date.parse('2026-11-18T20:30:00Z');
		expect(dayIn(instant, 'UTC')).toBe('2026-11-18');
		expect(dayIn(instant, 'Asia/Kolkata')).toBe('2026-11-19'); // 02:00 there
		expect(dayIn(instant, 'Pacific/Pago_Pago')).toBe('2026-11-18'); // 09:30 there
		expect(dayIn(Date.parse('2026-11-18T05:00:00Z'), 'America/New_York')).toBe('2026-11-18');
		expect(dayIn(Date.parse('2026-11-18T04:59:59Z'), 'America/New_York')).toBe('2026-11-17');
	});

	it('moves days by the calendar and names weekdays', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(weekday('2026-11-15')).toBe(0); // a Sunday
	});
});

describe('date presets the node turns into days', () => {
	// 20:30 UTC on Wednesday 2026-11-18 is already Thursday 2026-11-19 in India.
	const NOW = new Date('2026-11-18T20:30:00Z');
	const typed = (datePreset: 'Today' | 'ThisWeek' | 'LastMonth' | 'Last24Hours', zone: string) =>
		planEventList({ eventType: 'payment_declined', datePreset }, NOW, zone).localRange;

	it("are the organization's days, not UTC's", () => {
		expect(typed('Today', 'UTC')).toEqual({ start: '2026-11-18', end: '2026-11-18' });
		expect(typed('Today', 'Asia/Kolkata')).toEqual({ start: '2026-11-19', end: '2026-11-19' });
		expect(typed('ThisWeek', 'Asia/Kolkata')).toEqual({ start: '2026-11-15', end: '2026-11-21' });
		expect(typed('LastMonth', 'Pacific/Kiritimati')).toEqual({
			start: '2026-10-01',
			end: '2026-10-31',
		});
		expect(typed('Last24Hours', 'Asia/Kolkata')).toEqual({
			start: '2026-11-18',
			end: '2026-11-19',
			sinceMs: NOW.getTime() - 24 * 3600_000,
		});
	});

	it('need the organization only when the node, not Zoho, turns a preset into days', () => {
		expect(eventListNeedsTimeZone({ datePreset: 'Today' })).toBe(false);
		expect(eventListNeedsTimeZone({ datePreset: 'CustomDate' })).toBe(false);
		expect(eventListNeedsTimeZone({ eventType: 'payment_declined' })).toBe(false);
		expect(eventListNeedsTimeZone({ datePreset: 'Last24Hours' })).toBe(true);
		expect(eventListNeedsTimeZone({ eventType: 'payment_declined', datePreset: 'Today' })).toBe(
			true,
		);
		// A type Zoho cannot filter on leaves filter_by to Zoho's own preset.
		expect(eventListNeedsTimeZone({ eventType: 'invoice_created', datePreset: 'Today' })).toBe(
			false,
		);
	});
});
