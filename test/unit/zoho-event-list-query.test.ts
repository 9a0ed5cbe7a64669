import {
	isEventWithinRange,
	planEventList,
	type EventListFilters,
} from '../../lib/zoho/event-list-query';

// A Wednesday.
const NOW = new Date('2026-11-18T10:00:00Z');

describe('planEventList', () => {
	it('asks for all events by default', () => {
		expect(planEventList({}, NOW)).toEqual({ query: { filter_by: 'EventTime.All' } });
	});

	it('sends a date preset alone as EventTime.<preset>', () => {
		expect(planEventList({ datePreset: 'LastMonth' }, NOW)).toEqual({
			query: { filter_by: 'EventTime.LastMonth' },
		});
	});

	it('sends a custom range with YYYY-MM-DD dates taken from date-times', () => {
		expect(
			planEventList(
				{ datePreset: 'CustomDate', startDate: '2026-11-01T00:00:00', endDate: '2026-11-15' },
				NOW,
			),
		).toEqual({
			query: {
				filter_by: 'EventTime.CustomDate',
				event_start_date: '2026-11-01',
				event_end_date: '2026-11-15',
			},
		});
	});

	it('puts an event type in filter_by and turns a preset into dates enforced locally', () => {
		expect(planEventList({ eventType: 'payment_declined', datePreset: 'ThisWeek' }, NOW)).toEqual({
			query: {
				filter_by: 'EventType.payment_declined',
				event_start_date: '2026-11-15',
				event_end_date: '2026-11-21',
			},
			localRange: { start: '2026-11-15', end: '2026-11-21' },
		});
		expect(planEventList({ eventType: 'payment_declined' }, NOW)).toEqual({
			query: { filter_by: 'EventType.payment_declined' },
		});
		expect(planEventList({ eventType: 'All', datePreset: 'Today' }, NOW)).toEqual({
			query: { filter_by: 'EventTime.Today' },
		});
	});

	it('leaves a type Zoho cannot filter on to a local check, and filter_by to the date', () => {
		expect(planEventList({ eventType: 'invoice_created', datePreset: 'Today' }, NOW)).toEqual({
			query: { filter_by: 'EventTime.Today' },
			localEventType: 'invoice_created',
		});
		expect(planEventList({ eventType: 'subscription_unpaid' }, NOW)).toEqual({
			query: { filter_by: 'EventTime.All' },
			localEventType: 'subscription_unpaid',
		});
		// A type Zoho added after this release: not a documented filter either.
		expect(planEventList({ eventType: 'invoice_voided' }, NOW).localEventType).toBe(
			'invoice_voided',
		);
	});

	it('adds sorting', () => {
		expect(planEventList({ sortColumn: 'event_time', sortOrder: 'A' }, NOW).query).toEqual({
			filter_by: 'EventTime.All',
			sort_column: 'event_time',
			sort_order: 'A',
		});
	});

	it.each([
		[
			{ datePreset: 'CustomDate' as const, startDate: '', endDate: '2026-11-01' },
			'Start Date must be a date in YYYY-MM-DD form, got ""',
		],
		[
			{ datePreset: 'CustomDate' as const, startDate: '2026-11-01', endDate: 'next week' },
			'End Date must be a date in YYYY-MM-DD form, got "next week"',
		],
		[
			{ datePreset: 'CustomDate' as const, startDate: '2026-11-10', endDate: '2026-11-01' },
			'Start Date (2026-11-10) must not be after End Date (2026-11-01)',
		],
		[
			{ datePreset: 'Yesterday' as never },
			'Date Filter must be one of All, Today, ThisWeek, ThisMonth, LastWeek, LastMonth, CustomDate, Last24Hours, got "Yesterday"',
		],
		[
			{ sortColumn: 'amount' },
			'Sort By must be one of event_time, event_id, notified_time, got "amount"',
		],
	])('rejects %j naming the field', (filters, message) => {
		expect(() => planEventList(filters, NOW)).toThrow(message);
	});
});

describe('date presets with an event type (sent as dates and enforced locally)', () => {
	const rangeOf = (datePreset: EventListFilters['datePreset'], now: Date) => {
		const { query, localRange } = planEventList({ eventType: 'payment_declined', datePreset }, now);
		expect(localRange).toEqual(
			query.event_start_date
				? { start: query.event_start_date, end: query.event_end_date }
				: undefined,
		);
		return localRange;
	};

	it('computes UTC ranges with weeks starting on Sunday', () => {
		expect(rangeOf('Today', NOW)).toEqual({ start: '2026-11-18', end: '2026-11-18' });
		expect(rangeOf('LastWeek', NOW)).toEqual({ start: '2026-11-08', end: '2026-11-14' });
		expect(rangeOf('ThisMonth', NOW)).toEqual({ start: '2026-11-01', end: '2026-11-30' });
		expect(rangeOf('LastMonth', new Date('2026-01-05T00:00:00Z'))).toEqual({
			start: '2025-12-01',
			end: '2025-12-31',
		});
		expect(rangeOf('All', NOW)).toBeUndefined();
	});
});

describe('isEventWithinRange', () => {
	const range = { start: '2026-11-01', end: '2026-11-15' };
	it('compares the calendar day of dates and timestamps, inclusively', () => {
		expect(isEventWithinRange('2026-11-01', range)).toBe(true);
		expect(isEventWithinRange('2026-11-15T23:59:59-0700', range)).toBe(true);
		expect(isEventWithinRange('2026-10-31T23:59:59-0700', range)).toBe(false);
		expect(isEventWithinRange('2026-11-16', range)).toBe(false);
		expect(isEventWithinRange(undefined, range)).toBe(false);
		expect(isEventWithinRange('02 Nov 2026', range)).toBe(false);
	});
});
