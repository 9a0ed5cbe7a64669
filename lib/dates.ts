/**
 * Dates and timestamps as both services write them, read in one place. Pure, n8n-free.
 *
 * Zoho writes timestamps with an offset without a colon (`2016-06-05T18:28:20-0700`, Zoho Billing
 * Events API) and bare dates (`2023-08-02`); n8n's date parameters give ISO 8601 strings; MoEngage takes
 * ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ssZ`, data-overview.mdx).
 */
import { InputError } from './input-error';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP =
	/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;

/** Whether a value is a bare date, `YYYY-MM-DD`, with nothing of the time. */
export function isBareDate(value: unknown): value is string {
	return typeof value === 'string' && BARE_DATE.test(value.trim());
}

/**
 * Epoch ms of a timestamp, `YYYY-MM-DD[T ]HH:mm[:ss[.fraction]]` with `Z`, `±hh:mm` or `±hhmm`
 * (none: UTC); NaN for anything else, bare dates included.
 */
export function timestampMs(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const match = TIMESTAMP.exec(value.trim());
	if (!match) return Number.NaN;
	const [, day, clock, zone] = match;
	const offset =
		zone === undefined || zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	// Fractions beyond milliseconds are dropped: Date.parse reads at most three digits everywhere.
	const time = clock.replace(/(\.\d{3})\d+$/, '$1');
	return Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}${offset}`);
}

/**
 * The calendar day (YYYY-MM-DD) a date parameter starts with, such as n8n's `2026-11-01T00:00:00`;
 * undefined when it is empty. Anything else is refused, naming the parameter.
 */
export function calendarDay(label: string, value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (value === undefined || value === null || text === '') return undefined;
	const match = DATE_PREFIX.exec(text);
	// Date.parse takes 2027-02-30 for March 2nd; a real calendar day reads back as itself.
	if (!match || !isCalendarDay(match[1]))
		throw new InputError(`${label} must be a date in YYYY-MM-DD form, got "${String(value)}"`);
	return match[1];
}

/** Whether YYYY-MM-DD names a day the calendar has (no February 30th). */
function isCalendarDay(day: string): boolean {
	const date = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The calendar day a date or timestamp is written on (its first ten characters), if it has one. */
export function writtenDay(value: unknown): string | undefined {
	return typeof value === 'string' ? DATE_PREFIX.exec(value.trim())?.[1] : undefined;
}

/** A day (YYYY-MM-DD) moved by whole days; calendar arithmetic, no zone involved. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The day of the week of a day (YYYY-MM-DD), 0 for Sunday. */
export function weekday(day: string): number {
	return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The calendar day (YYYY-MM-DD, UTC) of an epoch time. */
export function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
