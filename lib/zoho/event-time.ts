/**
 * Zoho Billing's `event_time`, as a point in time. Zoho's Events API documents timestamps such as
 * `2016-06-05T18:28:20-0700` (an offset without a colon); events seen in public code also carry a bare
 * date, `2023-08-02`. Both are read, with `Z`, `±hh:mm` and fractions of a second too. A bare date is
 * its midnight in UTC, and a timestamp without an offset is UTC (the forms: lib/dates.ts).
 */
import { isBareDate, timestampMs } from '../dates';

/** Milliseconds since the epoch, or NaN for a value that is no Zoho date or timestamp. */
export function eventTimeMs(value: unknown): number {
	return isBareDate(value) ? Date.parse(`${value.trim()}T00:00:00Z`) : timestampMs(value);
}

/**
 * The most precise time a Zoho event carries. Zoho documents `event_time` as a timestamp
 * (`2016-06-05T18:28:20-0700`), but captured webhooks carry a bare date there (`"2023-08-02"`) next
 * to a full `created_time` of the same day (`"2023-08-02T15:28:59-0400"`: PipedreamHQ/pipedream
 * components/zoho_subscriptions/sources/subscription-created/test-event.mjs). The created time is
 * taken when `event_time` is a bare date (or missing) and the created time falls on that date as
 * Zoho wrote it; otherwise `event_time` as sent. Null when the event carries neither.
 */
export function mostPreciseEventTime(eventTime: unknown, createdTime: unknown): string | null {
	const sent = typeof eventTime === 'string' && eventTime.trim() !== '' ? eventTime.trim() : null;
	if (sent !== null && !isBareDate(sent)) return sent;
	const created =
		typeof createdTime === 'string' && !Number.isNaN(timestampMs(createdTime))
			? createdTime.trim()
			: null;
	if (created !== null && (sent === null || created.slice(0, 10) === sent)) return created;
	return (
		sent ??
		(typeof createdTime === 'string' && createdTime.trim() !== '' ? createdTime.trim() : null)
	);
}

/**
 * Oldest first by `event_time` (a bare date counts as its midnight); events without a readable time
 * keep their place after the others. Stable, so equal times keep the order they came in.
 */
export function sortByEventTime<T extends { event_time?: unknown }>(events: readonly T[]): T[] {
	const timeOf = (event: T) => {
		const ms = eventTimeMs(event.event_time);
		return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
	};
	return events
		.map((event, index) => ({ event, index, ms: timeOf(event) }))
		.sort((a, b) => (a.ms === b.ms ? a.index - b.index : a.ms < b.ms ? -1 : 1))
		.map(({ event }) => event);
}
