/**
 * One poll of Zoho Billing's Events API: which events are new since the last poll, which of them to
 * hand to the workflow, and the cursor the next poll starts from. Pure: the two API calls are passed
 * in, so the rules can be tested against any event stream (test/unit/zoho-event-poll.test.ts).
 *
 * What Zoho offers (Zoho Billing Events API; filters from Zoho's Postman collection): `GET /events`
 * lists events (ID, type and time only, 200 per page), one `filter_by` value (`EventType.<type>` or
 * `EventTime.CustomDate` with day-granular `event_start_date` / `event_end_date`), `sort_column` and
 * `sort_order` (the latter UNCONFIRMED for events). `GET /events/{id}` returns one event with its
 * payload and webhook deliveries. There is no "events after this ID" query.
 *
 * The cursor:
 *   - `floorMs`: events older than this are never new. It only moves forward, and trails the newest
 *     handled event by `lookbackMs`, so an event that shows up in the list a little late (after newer
 *     ones) is still picked up.
 *   - `seen`: IDs of events at or after the floor already handled (handed on, or passed over by the
 *     filter), with their times. An event is new when it is at or after the floor and not seen: equal
 *     timestamps, re-listed events and pages that shift between two reads cannot produce a duplicate.
 *   - `pending`: events whose webhook delivery was still `scheduled`, looked at again by ID (only when
 *     the poll emits undelivered events only).
 *   - `coveredAtMs`: when the last poll that listed and handled every event from the floor on began.
 *     An event it did not list was not in the list yet, so (shown up at most a lookback late) its time
 *     is after `coveredAtMs - lookbackMs`.
 *
 * Listing, spending as few calls as the situation allows:
 *   1. Newest first, page 1 (one call). When that page reaches back to the floor, or to a lookback
 *      before `coveredAtMs`, it holds everything new: everything older on the list was there at the
 *      last complete poll and was handled then. A poll that finds nothing therefore costs exactly this
 *      one call, except in the first lookback after a burst of more than a page of events (it must
 *      then read the lookback again for late ones). Times that are bare dates say too little to use
 *      `coveredAtMs`; with those, only the floor counts.
 *   2. Otherwise there is a backlog: the events from the floor's day on are listed oldest first, page by
 *      page, until enough events match the filter to fill this poll's cap. The rest waits.
 *   Zoho may ignore `sort_order`; the order of each page is checked, and a list that comes back the
 *   other way round is read whole (within the date window) rather than trusted.
 *
 * Handing over: events are processed oldest first. Events outside the type filter are passed over
 * without a call. Matching events are fetched (their payload is one call each), at most `maxEvents` per
 * poll, `concurrency` at a time. Any failed call fails the whole poll: nothing is emitted and the
 * cursor stays where it was, so the next poll starts there again.
 */
import { mapWithConcurrency } from '../concurrency';
import type { EventPageQuery } from './event-list-query';
import { ALL_EVENT_TYPES, eventTypeMatchesFilter, zohoListFiltersByEventType } from './event-types';
import { isBareDate, utcDay } from '../dates';
import { eventTimeMs } from './event-time';
import { ZOHO_PAGE_SIZE } from './paging';
import { dayIn } from './time-zone';
import { isUndelivered, webhookDeliveryOf } from './webhook-delivery';

type EventRecord = Record<string, unknown>;

export interface EventCursor {
	/** The start setting the cursor was made for; another one starts over. */
	origin: string;
	floorMs: number;
	seen: Record<string, number>;
	pending: Record<string, number>;
	/** Absent on cursors saved before it existed, and until the first complete poll. */
	coveredAtMs?: number;
	/**
	 * The order Zoho answered each `sort_order` with, once a page showed it (a page whose events all
	 * share one time shows nothing). Zoho documents `sort_order` for its other lists, not for events.
	 */
	order?: ListOrder;
	/**
	 * The organization's time zone, once a day window needed it (time-zone.ts): Zoho's day filters are
	 * its days. Kept, so it costs one call per cursor, not per poll.
	 */
	timeZone?: string;
}

type Order = 'ascending' | 'descending';
type ListOrder = Partial<Record<'A' | 'D', Order>>;

export interface EventPollIo {
	listEvents(query: EventPageQuery): Promise<{ events: EventRecord[]; hasMore: boolean }>;
	/** One event with its payload and webhook deliveries. */
	fetchEvent(eventId: string): Promise<EventRecord>;
	/**
	 * The organization's IANA time zone, or undefined when Zoho's is none the node can read (days are
	 * then listed with a day's margin on each side, right in any zone). Asked only for a day window.
	 */
	organizationTimeZone?(): Promise<string | undefined>;
}

export interface EventPollSettings {
	/** Where a new cursor starts: the newest event at the time (`now`), or a point in time. */
	start: 'now' | { fromMs: number };
	/** Event types to emit; empty or containing `*` means all. */
	eventTypes: readonly string[];
	/** Emit only events whose webhook delivery failed or never happened. */
	onlyUndelivered: boolean;
	/** Most events whose payload one poll fetches. */
	maxEvents: number;
	concurrency: number;
	nowMs: number;
	lookbackMs?: number;
}

export interface EventPollOutcome {
	/** Event records (payload included) to hand to the workflow, oldest first. */
	emit: EventRecord[];
	cursor: EventCursor;
	calls: { list: number; fetch: number };
	/** Matching events listed but left for later polls by the cap (more may follow unlisted). */
	leftForLater: number;
	/** Whether new events may be left for the next poll: not every event since the floor was handled. */
	backlog: boolean;
}

/** How late an event may show up in the list and still be picked up. */
export const DEFAULT_LOOKBACK_MS = 10 * 60_000;
/** A delivery still `scheduled` after this long is given up on and treated as failed. */
export const PENDING_GIVE_UP_MS = 3 * 24 * 60 * 60_000;
/** Events with no readable time are never dropped from `seen` (they have no place in time). */
const TIMELESS = Number.MAX_SAFE_INTEGER;
const DAY_MS = 24 * 60 * 60_000;

interface Listed {
	id: string;
	timeMs: number;
	type: string | undefined;
	record: EventRecord;
}

/** The origin a setting stands for, stored with the cursor. */
export function cursorOrigin(settings: Pick<EventPollSettings, 'start' | 'eventTypes'>): string {
	const start = settings.start === 'now' ? 'now' : new Date(settings.start.fromMs).toISOString();
	return `${start}|${singleType(settings.eventTypes) ?? ALL_EVENT_TYPES}`;
}

/** The one event type of the filter, when it names exactly one (the cursor is kept per such type). */
function singleType(eventTypes: readonly string[]): string | undefined {
	return eventTypes.length === 1 && eventTypes[0] !== ALL_EVENT_TYPES ? eventTypes[0] : undefined;
}

/**
 * The type to ask Zoho to filter the list by: the filter's single type, when Zoho documents that
 * filter (event-types.ts). Otherwise every event is listed and the filter is applied here.
 */
function listedType(eventTypes: readonly string[]): string | undefined {
	const type = singleType(eventTypes);
	return type !== undefined && zohoListFiltersByEventType(type) ? type : undefined;
}

export async function pollZohoEvents(
	previous: EventCursor | undefined,
	settings: EventPollSettings,
	io: EventPollIo,
): Promise<EventPollOutcome> {
	const calls = { list: 0, fetch: 0 };
	const list: EventPollIo['listEvents'] = async (query) => {
		calls.list++;
		return await io.listEvents(query);
	};
	const origin = cursorOrigin(settings);
	const lookbackMs = settings.lookbackMs ?? DEFAULT_LOOKBACK_MS;
	const eventType = listedType(settings.eventTypes);

	let cursor = previous?.origin === origin ? previous : undefined;
	if (!cursor) {
		if (settings.start === 'now') {
			// Nothing listed now is ever emitted: the cursor starts after it.
			const start = await startingPoint(list, eventType, settings.nowMs, lookbackMs);
			return {
				emit: [],
				cursor: { origin, pending: {}, ...start },
				calls,
				leftForLater: 0,
				backlog: false,
			};
		}
		cursor = { origin, floorMs: settings.start.fromMs, seen: {}, pending: {} };
	}

	let timeZone = cursor.timeZone;
	const zone = async () => (timeZone ??= await io.organizationTimeZone?.());
	const {
		events: candidates,
		order,
		complete,
	} = await newEvents(list, cursor, settings, eventType, lookbackMs, zone);

	// Events to look at again first, then new ones oldest first, stopping at the cap: a matching event
	// over the cap, and everything after it, are left for the next poll.
	const toFetch: Array<{ id: string; timeMs: number }> = Object.entries(cursor.pending)
		.map(([id, timeMs]) => ({ id, timeMs }))
		.sort(byTime)
		.slice(0, settings.maxEvents);
	const handled: Listed[] = [];
	const matching = candidates.filter((event) =>
		eventTypeMatchesFilter(event.type, settings.eventTypes),
	);
	for (const candidate of candidates) {
		const matches = eventTypeMatchesFilter(candidate.type, settings.eventTypes);
		if (matches && toFetch.length >= settings.maxEvents) break;
		handled.push(candidate);
		if (matches) toFetch.push({ id: candidate.id, timeMs: candidate.timeMs });
	}
	toFetch.sort(byTime);

	const fetched = await mapWithConcurrency(toFetch, settings.concurrency, async (entry) => {
		calls.fetch++;
		return await io.fetchEvent(entry.id);
	});

	const emit: EventRecord[] = [];
	const pending: Record<string, number> = { ...cursor.pending };
	toFetch.forEach((entry, index) => {
		const record = fetched[index];
		delete pending[entry.id];
		if (!settings.onlyUndelivered) {
			emit.push(record);
			return;
		}
		const delivery = webhookDeliveryOf(record);
		// A record without `webhooks` says nothing about deliveries: emitted, so nothing is lost.
		if (delivery === undefined || isUndelivered(delivery)) emit.push(record);
		else if (delivery === 'scheduled') {
			const waited =
				settings.nowMs - (Number.isFinite(entry.timeMs) ? entry.timeMs : settings.nowMs);
			if (waited > PENDING_GIVE_UP_MS) emit.push(record);
			else pending[entry.id] = entry.timeMs;
		}
	});

	const handedOn = handled.filter((event) =>
		eventTypeMatchesFilter(event.type, settings.eventTypes),
	);
	// Covered: every event from the floor on was listed, and all of them were handled.
	const covered = complete && handled.length === candidates.length;
	const coveredAtMs = covered ? settings.nowMs : cursor.coveredAtMs;
	return {
		emit,
		cursor: {
			...advance(cursor, handled, pending, lookbackMs),
			coveredAtMs,
			order,
			...(timeZone ? { timeZone } : {}),
		},
		calls,
		leftForLater: matching.length - handedOn.length,
		backlog: !covered,
	};
}

/** The cursor after `handled` (oldest first) were handed on or passed over. */
function advance(
	cursor: EventCursor,
	handled: Listed[],
	pending: Record<string, number>,
	lookbackMs: number,
): EventCursor {
	const seen = { ...cursor.seen };
	let newestMs = cursor.floorMs;
	for (const event of handled) {
		const timeMs = Number.isFinite(event.timeMs) ? event.timeMs : TIMELESS;
		seen[event.id] = timeMs;
		if (timeMs !== TIMELESS) newestMs = Math.max(newestMs, timeMs);
	}
	const floorMs = Math.max(cursor.floorMs, newestMs - lookbackMs);
	for (const [id, timeMs] of Object.entries(seen)) if (timeMs < floorMs) delete seen[id];
	return { origin: cursor.origin, floorMs, seen, pending };
}

/**
 * Where a cursor that starts from now begins: a lookback before the newest event, with every event
 * from there on marked seen, so that nothing listed now is ever emitted but an event that shows up a
 * little late still is. Pages are read newest first until they reach back past the lookback (usually
 * page 1 alone). When Zoho lists oldest first despite `sort_order`, the last two days are read instead
 * of all history.
 */
async function startingPoint(
	list: EventPollIo['listEvents'],
	eventType: string | undefined,
	nowMs: number,
	lookbackMs: number,
): Promise<Pick<EventCursor, 'floorMs' | 'seen' | 'order' | 'coveredAtMs'>> {
	const events: Listed[] = [];
	const order: ListOrder = {};
	for (let number = 1; ; number++) {
		const next = await list({ page: number, perPage: ZOHO_PAGE_SIZE, sortOrder: 'D', eventType });
		const page = next.events.map(listed).filter(isListed);
		order.D = orderOf(page) ?? order.D;
		if (order.D === 'ascending') {
			const window = { startDay: utcDay(nowMs - DAY_MS), endDay: utcDay(nowMs + DAY_MS) };
			events.splice(0, events.length, ...(await readAll(list, { sortOrder: 'D', window }, [], 1)));
			break;
		}
		events.push(...page);
		const times = events.map((event) => event.timeMs).filter(Number.isFinite);
		const coversLookback = Math.min(...times) < Math.max(...times) - lookbackMs;
		if (!next.hasMore || page.length === 0 || coversLookback) break;
	}
	// Read newest first down to the lookback (or to the end), the start covers the list as it is now.
	const coveredAtMs = order.D === 'ascending' ? undefined : nowMs;
	const times = events.map((event) => event.timeMs).filter(Number.isFinite);
	if (times.length === 0) return { floorMs: 0, seen: {}, order, coveredAtMs };
	const floorMs = Math.max(...times) - lookbackMs;
	const seen: Record<string, number> = {};
	for (const event of events) {
		if (!(event.timeMs < floorMs))
			seen[event.id] = Number.isFinite(event.timeMs) ? event.timeMs : TIMELESS;
	}
	return { floorMs, seen, order, coveredAtMs };
}

/**
 * Listed events after the cursor, oldest first: enough to fill this poll's cap, or all of them
 * (`complete`). Also what the poll learned of Zoho's order.
 */
async function newEvents(
	list: EventPollIo['listEvents'],
	cursor: EventCursor,
	settings: EventPollSettings,
	eventType: string | undefined,
	lookbackMs: number,
	timeZone: () => Promise<string | undefined>,
): Promise<{ events: Listed[]; order: ListOrder; complete: boolean }> {
	const order: ListOrder = { ...cursor.order };
	const found = new Map<string, Listed>();
	const take = (events: Listed[]) => {
		for (const event of events) {
			if (event.timeMs < cursor.floorMs || event.id in cursor.seen || event.id in cursor.pending)
				continue;
			found.set(event.id, event);
		}
	};
	const done = (complete = true) => ({ events: [...found.values()].sort(byTime), order, complete });

	// 1. Newest first, one page: in the usual case it reaches back far enough and holds everything.
	const first = await list({ page: 1, perPage: ZOHO_PAGE_SIZE, sortOrder: 'D', eventType });
	const page = first.events.map(listed).filter(isListed);
	order.D = orderOf(page) ?? order.D;
	if (!first.hasMore || page.length === 0) {
		take(page);
		return done();
	}
	if (order.D === 'descending') {
		take(page);
		const newSince =
			cursor.coveredAtMs === undefined || page.some((event) => isBareDate(event.record.event_time))
				? cursor.floorMs
				: Math.max(cursor.floorMs, cursor.coveredAtMs - lookbackMs);
		if (page.some((event) => event.timeMs < newSince)) return done();
	}

	// 2. A backlog (or an order not known yet): list from the floor's day on, oldest first, and stop
	// once enough events match, if Zoho is known to list oldest first. The days are the organization's;
	// without its zone, a day early and a day late, which covers every zone.
	found.clear();
	const zone = await timeZone();
	const window = zone
		? { startDay: dayIn(Math.max(cursor.floorMs, 0), zone), endDay: dayIn(settings.nowMs, zone) }
		: {
				startDay: utcDay(Math.max(cursor.floorMs, 0) - DAY_MS),
				endDay: utcDay(settings.nowMs + DAY_MS),
			};
	for (let number = 1; ; number++) {
		const next = await list({ page: number, perPage: ZOHO_PAGE_SIZE, sortOrder: 'A', window });
		const events = next.events.map(listed).filter(isListed);
		order.A = orderOf(events) ?? order.A;
		take(events);
		if (!next.hasMore || events.length === 0) return done();
		if (order.A !== 'ascending') continue; // the oldest events may still come: read on
		const matching = [...found.values()].filter((event) =>
			eventTypeMatchesFilter(event.type, settings.eventTypes),
		).length;
		if (matching >= settings.maxEvents) return done(false);
	}
}

/** `first` plus every following page, from page `from` on. */
async function readAll(
	list: EventPollIo['listEvents'],
	query: Omit<EventPageQuery, 'page' | 'perPage'>,
	first: Listed[],
	from: number,
	hasMore = true,
): Promise<Listed[]> {
	const events = [...first];
	for (let number = from; hasMore; number++) {
		const next = await list({ ...query, page: number, perPage: ZOHO_PAGE_SIZE });
		const page = next.events.map(listed).filter(isListed);
		events.push(...page);
		hasMore = next.hasMore && page.length > 0;
	}
	return events;
}

function listed(record: EventRecord): Listed | undefined {
	const id = record.event_id;
	if ((typeof id !== 'string' || id === '') && typeof id !== 'number') return undefined;
	return {
		id: String(id),
		timeMs: eventTimeMs(record.event_time),
		type: typeof record.event_type === 'string' ? record.event_type : undefined,
		record,
	};
}

function isListed(event: Listed | undefined): event is Listed {
	return event !== undefined;
}

/**
 * Whether a page runs oldest first or newest first, judged by its first and last readable times;
 * undefined when they are equal (or fewer than two).
 */
function orderOf(events: Listed[]): Order | undefined {
	const times = events.map((event) => event.timeMs).filter(Number.isFinite);
	if (times.length < 2 || times[0] === times[times.length - 1]) return undefined;
	return times[0] < times[times.length - 1] ? 'ascending' : 'descending';
}

/** Oldest first; events without a readable time last; equal times by ID (Zoho's IDs are numeric). */
function byTime(a: { id: string; timeMs: number }, b: { id: string; timeMs: number }): number {
	const timeA = Number.isFinite(a.timeMs) ? a.timeMs : TIMELESS;
	const timeB = Number.isFinite(b.timeMs) ? b.timeMs : TIMELESS;
	if (timeA !== timeB) return timeA - timeB;
	if (a.id.length !== b.id.length) return a.id.length - b.id.length;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * For n8n's "Fetch Test Event": the newest event that passes the filter, from the newest page, with
 * no cursor involved. At most `maxChecks` records are fetched (in safety-net mode, undelivered events
 * may be rare).
 */
export async function latestMatchingEvent(
	settings: Pick<EventPollSettings, 'eventTypes' | 'onlyUndelivered'>,
	io: EventPollIo,
	maxChecks = 10,
): Promise<EventRecord | undefined> {
	const eventType = listedType(settings.eventTypes);
	const { events } = await io.listEvents({
		page: 1,
		perPage: ZOHO_PAGE_SIZE,
		sortOrder: 'D',
		eventType,
	});
	const newestFirst = events
		.map(listed)
		.filter(isListed)
		.filter((event) => eventTypeMatchesFilter(event.type, settings.eventTypes))
		.sort((a, b) => byTime(b, a));
	for (const event of newestFirst.slice(0, maxChecks)) {
		const record = await io.fetchEvent(event.id);
		if (!settings.onlyUndelivered || isUndelivered(webhookDeliveryOf(record) ?? 'none'))
			return record;
	}
	return undefined;
}
