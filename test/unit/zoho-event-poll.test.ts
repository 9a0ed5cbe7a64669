/**
 * The polling cursor against random event streams: events with equal timestamps, events that arrive
 * while a poll reads its pages, events that show up in the list a little late, a cap that stops a poll
 * mid-page, and calls that fail mid-poll (the poll then throws and its cursor is dropped, as n8n does
 * with a poll that fails). Whatever happens, every event is emitted exactly once.
 */
import fc from 'fast-check';

import {
	DEFAULT_LOOKBACK_MS,
	pollZohoEvents,
	type EventCursor,
	type EventPollIo,
	type EventPollSettings,
} from '../../lib/zoho/event-poll';
import type { EventPageQuery } from '../../lib/zoho/event-list-query';
import { dayIn } from '../../lib/zoho/time-zone';
import { zohoListFiltersByEventType } from '../../lib/zoho/event-types';

const TYPES = ['subscription_created', 'invoice_created', 'payment_declined'] as const;
const T0 = Date.parse('2026-11-20T08:00:00Z');

interface FakeEvent {
	event_id: string;
	event_type: string;
	event_time: string;
	ms: number;
	/** The organization's day it happened on: what Zoho's day windows go by. */
	day: string;
	/** `scheduled-…`: Zoho still retries the delivery, which settles after `settlesAfter` looks. */
	delivery: 'success' | 'failure' | 'none' | 'scheduled-success' | 'scheduled-failure';
	looks: number;
}

/** Zoho's offset form without a colon, e.g. 2026-11-20T01:00:00-0700; a date is the organization's. */
function zohoTime(ms: number, format: 'timestamp' | 'date', timeZone = 'UTC'): string {
	if (format === 'date') return dayIn(ms, timeZone);
	const local = new Date(ms - 7 * 3600_000).toISOString().slice(0, 19);
	return `${local}-0700`;
}

/**
 * Zoho's Events API as the cursor sees it: list pages of `pageSize`, newest or oldest first (or always
 * oldest first, when `honoursSort` is off), an optional type or day-window filter; events by ID.
 * `beforeEachList` may add events between two page reads; `failFetch` makes payload calls fail.
 */
class FakeZoho implements EventPollIo {
	events: FakeEvent[] = [];
	beforeEachList: () => void = () => undefined;
	failFetch = (): boolean => false;
	private serial = 0;

	constructor(
		private readonly pageSize: number,
		private readonly honoursSort: boolean,
		private readonly format: 'timestamp' | 'date',
		/** The organization's zone; without one the node is told none (and lists a day's margin). */
		private readonly timeZone?: string,
	) {
		if (timeZone) this.organizationTimeZone = async () => timeZone;
	}

	organizationTimeZone?: () => Promise<string | undefined>;

	add(ms: number, type: string, delivery: FakeEvent['delivery']): FakeEvent {
		this.serial++;
		const zone = this.timeZone ?? 'UTC';
		const event = {
			event_id: String(90300000000000 + this.serial),
			event_type: type,
			event_time: zohoTime(ms, this.format, zone),
			// How the node reads the time: a bare date as its midnight in UTC (event-time.ts).
			ms:
				this.format === 'date'
					? Date.parse(`${dayIn(ms, zone)}T00:00:00Z`)
					: Math.floor(ms / 1000) * 1000,
			day: dayIn(ms, zone),
			delivery,
			looks: 0,
		};
		this.events.push(event);
		return event;
	}

	listCalls = 0;

	async listEvents(query: EventPageQuery) {
		if (++this.listCalls > 5_000)
			throw new Error('more than 5,000 list calls: the poll does not end');
		this.beforeEachList();
		let events = this.events.filter(
			(event) =>
				(!query.eventType || event.event_type === query.eventType) &&
				(!query.window || (event.day >= query.window.startDay && event.day <= query.window.endDay)),
		);
		// Zoho's order among equal times is its own: here, by ID within a time.
		events = [...events].sort((a, b) => a.ms - b.ms || (a.event_id < b.event_id ? -1 : 1));
		if (this.honoursSort && query.sortOrder === 'D') events.reverse();
		const slice = events.slice((query.page - 1) * this.pageSize, query.page * this.pageSize);
		return {
			events: slice.map(({ event_id, event_type, event_time }) => ({
				event_id,
				event_type,
				event_time,
			})),
			hasMore: query.page * this.pageSize < events.length,
		};
	}

	async fetchEvent(eventId: string) {
		if (this.failFetch()) throw new Error('Zoho Billing error 45: request limit exceeded');
		const event = this.events.find((candidate) => candidate.event_id === eventId);
		if (!event) throw new Error(`no event ${eventId}`);
		const { event_id, event_type, event_time, delivery } = event;
		event.looks++;
		const status = delivery.startsWith('scheduled-')
			? event.looks > 2
				? delivery.slice('scheduled-'.length)
				: 'scheduled'
			: delivery;
		const webhooks = delivery === 'none' ? [] : [{ webhook_id: '1', status }];
		return { event_id, event_type, event_time, payload: JSON.stringify({ event_id }), webhooks };
	}
}

/** A burst of events: each a little after the newest so far, or up to half the lookback before it. */
const burst = fc.array(
	fc.record({
		advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 60_000 })),
		lateMs: fc.oneof(
			fc.constant(0),
			fc.constant(0),
			fc.integer({ min: 0, max: DEFAULT_LOOKBACK_MS / 2 }),
		),
		type: fc.constantFrom(...TYPES),
		delivery: fc.constantFrom(
			'success',
			'failure',
			'none',
			'scheduled-success',
			'scheduled-failure',
		) as fc.Arbitrary<FakeEvent['delivery']>,
	}),
	{ maxLength: 12 },
);

const scenario = fc.record({
	// Zones a day ahead of and behind UTC, and none stated (the node lists a day's margin then).
	timeZone: fc.constantFrom<string | undefined>(
		undefined,
		'UTC',
		'Pacific/Kiritimati',
		'Pacific/Pago_Pago',
		'Asia/Kolkata',
	),
	pageSize: fc.integer({ min: 2, max: 7 }),
	honoursSort: fc.boolean(),
	format: fc.constantFrom('timestamp', 'timestamp', 'date') as fc.Arbitrary<'timestamp' | 'date'>,
	start: fc.constantFrom('now', 'date') as fc.Arbitrary<'now' | 'date'>,
	eventTypes: fc.constantFrom<string[]>(
		['*'],
		['invoice_created'],
		['payment_declined', 'invoice_created'],
	),
	onlyUndelivered: fc.boolean(),
	maxEvents: fc.integer({ min: 1, max: 8 }),
	concurrency: fc.integer({ min: 1, max: 4 }),
	before: burst,
	steps: fc.array(
		fc.record({
			arrivals: burst,
			arrivalsWhileListing: burst,
			failAfterFetches: fc.option(fc.integer({ min: 0, max: 5 })),
		}),
		{ minLength: 1, maxLength: 6 },
	),
});

describe('polling Zoho Billing events', () => {
	it('emits every event exactly once, whatever arrives when and whatever fails', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (run) => {
				const zoho = new FakeZoho(run.pageSize, run.honoursSort, run.format, run.timeZone);
				let clock = T0;
				const addBurst = (events: typeof run.before) => {
					for (const event of events) {
						clock += event.advanceMs;
						zoho.add(clock - event.lateMs, event.type, event.delivery);
					}
				};
				addBurst(run.before);
				const fromMs = T0 - 60_000;
				const settings = (): EventPollSettings => ({
					start: run.start === 'now' ? 'now' : { fromMs },
					eventTypes: run.eventTypes,
					onlyUndelivered: run.onlyUndelivered,
					maxEvents: run.maxEvents,
					concurrency: run.concurrency,
					nowMs: clock,
				});

				let cursor: EventCursor | undefined;
				const emitted: string[] = [];
				const poll = async () => {
					const outcome = await pollZohoEvents(cursor, settings(), zoho);
					expect(outcome.calls.fetch).toBeLessThanOrEqual(run.maxEvents);
					emitted.push(...outcome.emit.map((record) => String(record.event_id)));
					cursor = outcome.cursor;
					return outcome;
				};

				// The first poll sets the cursor (from now it emits nothing).
				const first = await poll();
				if (run.start === 'now') expect(first.emit).toEqual([]);
				const existingAtStart = new Set(zoho.events.map((event) => event.event_id));

				for (const step of run.steps) {
					addBurst(step.arrivals);
					let pending = [...step.arrivalsWhileListing];
					zoho.beforeEachList = () => addBurst(pending.splice(0, 2));
					let fetches = 0;
					zoho.failFetch = () =>
						step.failAfterFetches !== null && fetches++ >= step.failAfterFetches;
					const before = cursor;
					const snapshot = JSON.stringify(before);
					try {
						await poll();
					} catch (error) {
						expect((error as Error).message).toContain('request limit exceeded');
						// n8n keeps nothing of a poll that failed; nor may the poll have changed the old cursor.
						expect(JSON.stringify(before)).toBe(snapshot);
						cursor = before;
					}
					zoho.beforeEachList = () => undefined;
					zoho.failFetch = () => false;
					addBurst(pending);
					pending = [];
				}

				// Let the backlog drain, then a poll with nothing new costs exactly one call.
				for (let round = 0; round < 200; round++) {
					const outcome = await poll();
					if (outcome.calls.fetch === 0 && Object.keys(cursor!.pending).length === 0) break;
				}
				// One call, when Zoho has shown it lists newest first as asked, and fewer than a page of events
				// may still show up late (Zoho's pages hold 200: more than 20 events a minute, more than any
				// plan's daily budget).
				// Zoho filters the list only by one type it documents as a filter (event-types.ts).
				const listedByQuery = zoho.events.filter(
					(event) =>
						run.eventTypes.length !== 1 ||
						run.eventTypes[0] === '*' ||
						!zohoListFiltersByEventType(run.eventTypes[0]) ||
						event.event_type === run.eventTypes[0],
				);
				// Events that may still show up late: from the floor, or from a lookback before the last poll
				// that listed everything (with timestamps; a bare date says too little).
				const cursorBefore: EventCursor | undefined = cursor;
				const coveredAtMs = run.format === 'date' ? undefined : cursorBefore?.coveredAtMs;
				const newSince = Math.max(
					cursorBefore!.floorMs,
					coveredAtMs === undefined ? -Infinity : coveredAtMs - DEFAULT_LOOKBACK_MS,
				);
				const mayBeNew = listedByQuery.filter((event) => event.ms >= newSince).length;
				const idle = await poll();
				expect(idle.calls.fetch).toBe(0);
				const orderKnown = cursorBefore?.order?.D === 'descending';
				if (run.honoursSort && orderKnown && mayBeNew < run.pageSize)
					expect(idle.calls.list).toBe(1);

				const expected = zoho.events
					.filter((event) =>
						run.start === 'now' ? !existingAtStart.has(event.event_id) : event.ms >= fromMs,
					)
					.filter(
						(event) => run.eventTypes.includes('*') || run.eventTypes.includes(event.event_type),
					)
					.filter((event) => !run.onlyUndelivered || !event.delivery.endsWith('success'))
					.map((event) => event.event_id);
				expect(new Set(emitted).size).toBe(emitted.length);
				expect([...emitted].sort()).toEqual([...expected].sort());
			}),
			// Fixed seed: the same 400 streams every run (7,500 more with other seeds passed when written, and
			// 6,000 more after `coveredAtMs` came in).
			{ numRuns: 400, seed: 20261201 },
		);
	});
});

describe('one poll, step by step', () => {
	const settings = (overrides: Partial<EventPollSettings> = {}): EventPollSettings => ({
		start: 'now',
		eventTypes: ['*'],
		onlyUndelivered: false,
		maxEvents: 100,
		concurrency: 5,
		nowMs: T0 + 3600_000,
		...overrides,
	});
	const ids = (records: Array<Record<string, unknown>>) => records.map((record) => record.event_id);

	it('starts from now with one call and emits nothing that existed then', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		zoho.add(T0, 'invoice_created', 'success');
		const first = await pollZohoEvents(undefined, settings(), zoho);
		expect(first).toMatchObject({ emit: [], calls: { list: 1, fetch: 0 } });
		const idle = await pollZohoEvents(first.cursor, settings(), zoho);
		expect(idle).toMatchObject({ emit: [], calls: { list: 1, fetch: 0 } });
	});

	it('fetches payloads only for events that pass the filter, oldest first', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		const { cursor } = await pollZohoEvents(undefined, settings(), zoho);
		const wanted = [
			zoho.add(T0 + 1000, 'invoice_created', 'success'),
			zoho.add(T0 + 2000, 'payment_declined', 'success'),
			zoho.add(T0 + 3000, 'invoice_created', 'success'),
		];
		zoho.add(T0 + 2500, 'subscription_created', 'success');
		const outcome = await pollZohoEvents(
			cursor,
			settings({ eventTypes: ['invoice_created', 'payment_declined'] }),
			zoho,
		);
		expect(ids(outcome.emit)).toEqual(wanted.map((event) => event.event_id));
		expect(outcome.calls).toEqual({ list: 1, fetch: 3 });
		expect(outcome.emit[0]).toMatchObject({
			payload: expect.any(String),
			webhooks: [{ status: 'success' }],
		});
	});

	it('backfills from a start date, leaving what is over the cap for the next poll', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		zoho.add(T0 - 3600_000, 'invoice_created', 'success'); // before the start date
		const backlog = Array.from({ length: 5 }, (_, index) =>
			zoho.add(T0 + index * 1000, 'invoice_created', 'success'),
		);
		const options = settings({ start: { fromMs: T0 - 60_000 }, maxEvents: 3 });
		const first = await pollZohoEvents(undefined, options, zoho);
		expect(ids(first.emit)).toEqual(backlog.slice(0, 3).map((event) => event.event_id));
		expect(first.leftForLater).toBe(2);
		const second = await pollZohoEvents(first.cursor, options, zoho);
		expect(ids(second.emit)).toEqual(backlog.slice(3).map((event) => event.event_id));
		const idle = await pollZohoEvents(second.cursor, options, zoho);
		expect(idle).toMatchObject({ emit: [], calls: { list: 1, fetch: 0 } });
	});

	it('costs one call when idle once a burst of more than a page is a lookback old', async () => {
		const zoho = new FakeZoho(5, true, 'timestamp');
		const nowMs = T0 + 3600_000;
		// 50 events a minute apart, the newest 11 minutes old: ten pages of five.
		const burst = Array.from({ length: 50 }, (_, index) =>
			zoho.add(nowMs - (60 - index) * 60_000, 'invoice_created', 'success'),
		);
		const options = settings({ start: { fromMs: nowMs - 3600_000 }, nowMs });
		const drain = await pollZohoEvents(undefined, options, zoho);
		expect(ids(drain.emit)).toEqual(burst.map((event) => event.event_id));
		expect(drain.cursor.coveredAtMs).toBe(nowMs);
		// The newest page reaches 15 minutes back: anything older was listed by the drain.
		const idle = await pollZohoEvents(
			drain.cursor,
			settings({ ...options, nowMs: nowMs + 60_000 }),
			zoho,
		);
		expect(idle).toMatchObject({ emit: [], calls: { list: 1, fetch: 0 } });
		expect(idle.cursor.coveredAtMs).toBe(nowMs + 60_000);
	});

	it('reads the lookback again after a fresh burst, and so finds an event that shows up late', async () => {
		const zoho = new FakeZoho(5, true, 'timestamp');
		const nowMs = T0 + 3600_000;
		// 50 events twelve seconds apart, up to now: the whole burst is inside the lookback.
		Array.from({ length: 50 }, (_, index) =>
			zoho.add(nowMs - (50 - index) * 12_000, 'invoice_created', 'success'),
		);
		const options = settings({ start: { fromMs: nowMs - 3600_000 }, nowMs });
		const drain = await pollZohoEvents(undefined, options, zoho);
		expect(drain.emit).toHaveLength(50);
		const late = zoho.add(nowMs - 8 * 60_000, 'payment_declined', 'failure');
		const next = await pollZohoEvents(
			drain.cursor,
			settings({ ...options, nowMs: nowMs + 30_000 }),
			zoho,
		);
		expect(ids(next.emit)).toEqual([late.event_id]);
		expect(next.calls.list).toBeGreaterThan(1);
	});

	it('does not count a poll that left listed events for later as covering the list', async () => {
		const zoho = new FakeZoho(4, true, 'timestamp');
		const nowMs = T0 + 3600_000;
		const minutes = (count: number) => nowMs + count * 60_000;
		for (const at of [-20, -19, -18, -5]) zoho.add(minutes(at), 'invoice_created', 'success');
		const all = settings({ start: { fromMs: minutes(-60) }, nowMs });
		const covered = await pollZohoEvents(undefined, all, zoho);
		expect(covered.emit).toHaveLength(4);
		// Two events show up late, a little older than the newest one.
		const late = [-9.5, -9].map((at) => zoho.add(minutes(at), 'payment_declined', 'failure'));
		// A poll a quarter of an hour later has room for one of them: it lists both on its one page.
		const capped = await pollZohoEvents(
			covered.cursor,
			{ ...all, maxEvents: 1, nowMs: minutes(15) },
			zoho,
		);
		expect(capped).toMatchObject({ calls: { list: 1 }, leftForLater: 1 });
		expect(ids(capped.emit)).toEqual([late[0].event_id]);
		expect(capped.cursor.coveredAtMs).toBe(nowMs);
		// New events push the one left for later off the newest page. That page reaches back past a
		// lookback before the capped poll, but the capped poll covered nothing: the list is read again.
		const fresh = [15.5, 15.6, 15.7].map((at) =>
			zoho.add(minutes(at), 'invoice_created', 'success'),
		);
		const next = await pollZohoEvents(capped.cursor, { ...all, nowMs: minutes(16) }, zoho);
		expect(ids(next.emit)).toEqual([late[1], ...fresh].map((event) => event.event_id));
	});

	it('with bare dates, relies on the floor alone: one day may hold more than a page', async () => {
		const zoho = new FakeZoho(2, true, 'date');
		const nowMs = T0 + 3600_000;
		zoho.add(nowMs - 24 * 3600_000, 'invoice_created', 'success');
		zoho.add(nowMs - 60_000, 'invoice_created', 'success');
		const options = settings({ start: { fromMs: nowMs - 2 * 24 * 3600_000 }, nowMs });
		const covered = await pollZohoEvents(undefined, options, zoho);
		expect(covered.emit).toHaveLength(2);
		expect(covered.cursor.order?.D).toBe('descending');
		// Three more events today: all read as today's midnight, so the newest page of two cannot show
		// where the last poll's listing ended.
		const today = [3, 2, 1].map((minutes) =>
			zoho.add(nowMs + 60_000 - minutes * 1000, 'invoice_created', 'success'),
		);
		const next = await pollZohoEvents(covered.cursor, { ...options, nowMs: nowMs + 60_000 }, zoho);
		expect(ids(next.emit)).toEqual(today.map((event) => event.event_id));
	});

	it('emits only undelivered events in safety-net mode, and waits for scheduled deliveries', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		const { cursor } = await pollZohoEvents(undefined, settings(), zoho);
		const failed = zoho.add(T0 + 1000, 'payment_declined', 'failure');
		zoho.add(T0 + 2000, 'payment_declined', 'success');
		const never = zoho.add(T0 + 3000, 'invoice_created', 'none');
		const retried = zoho.add(T0 + 4000, 'invoice_created', 'scheduled-failure');
		const options = settings({ onlyUndelivered: true });
		const first = await pollZohoEvents(cursor, options, zoho);
		expect(ids(first.emit)).toEqual([failed.event_id, never.event_id]);
		expect(Object.keys(first.cursor.pending)).toEqual([retried.event_id]);
		const second = await pollZohoEvents(first.cursor, options, zoho); // still scheduled
		expect(second).toMatchObject({ emit: [], calls: { list: 1, fetch: 1 } });
		const third = await pollZohoEvents(second.cursor, options, zoho); // now failed
		expect(ids(third.emit)).toEqual([retried.event_id]);
		expect(third.cursor.pending).toEqual({});
	});

	it('fails whole when a call fails mid-poll, leaving the cursor where it was', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		const { cursor } = await pollZohoEvents(undefined, settings(), zoho);
		const events = Array.from({ length: 4 }, (_, index) =>
			zoho.add(T0 + index * 1000, 'invoice_created', 'success'),
		);
		let fetches = 0;
		zoho.failFetch = () => fetches++ === 2;
		const snapshot = JSON.stringify(cursor);
		await expect(pollZohoEvents(cursor, settings({ concurrency: 1 }), zoho)).rejects.toThrow(
			'request limit exceeded',
		);
		expect(JSON.stringify(cursor)).toBe(snapshot);
		zoho.failFetch = () => false;
		const retry = await pollZohoEvents(cursor, settings(), zoho);
		expect(ids(retry.emit)).toEqual(events.map((event) => event.event_id));
	});

	it('starts over when the start setting changes', async () => {
		const zoho = new FakeZoho(200, true, 'timestamp');
		const old = zoho.add(T0, 'invoice_created', 'success');
		const { cursor } = await pollZohoEvents(undefined, settings(), zoho);
		const backfill = await pollZohoEvents(cursor, settings({ start: { fromMs: T0 - 1000 } }), zoho);
		expect(ids(backfill.emit)).toEqual([old.event_id]);
	});
});
