/**
 * Days as a Zoho Billing organization counts them. Zoho's day-granular filters (`EventTime.Today`,
 * `event_start_date` / `event_end_date`) and the dates in its records are the organization's local
 * days: event times carry the organization's offset (`2016-06-05T18:28:20-0700`, Zoho Billing
 * Events API). So "today", "this week" and "the last 24 hours" are worked out in that zone, read from
 * the organization (`time_zone`, Zoho Billing "Organizations": "Time Zone of the Organisation's
 * country").
 *
 * The form of `time_zone` is UNCONFIRMED for Billing: Zoho's sample for its Finance apps shows an
 * abbreviation (`"PST"`, Zoho Books' getOrganizations sample), a captured Zoho Books answer an IANA
 * name (`"Asia/Calcutta"`). Both are read: an IANA name as it is, a common abbreviation through the
 * table below. Anything else yields undefined, and callers count days in UTC (and say so).
 */

/** Abbreviations Zoho may send, to the zone they stand for in practice. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
	UTC: 'UTC',
	GMT: 'UTC',
	PST: 'America/Los_Angeles',
	PDT: 'America/Los_Angeles',
	MST: 'America/Denver',
	MDT: 'America/Denver',
	CST: 'America/Chicago',
	CDT: 'America/Chicago',
	EST: 'America/New_York',
	EDT: 'America/New_York',
	IST: 'Asia/Kolkata',
	BST: 'Europe/London',
	CET: 'Europe/Paris',
	CEST: 'Europe/Paris',
	EET: 'Europe/Athens',
	JST: 'Asia/Tokyo',
	SGT: 'Asia/Singapore',
	AEST: 'Australia/Sydney',
	AEDT: 'Australia/Sydney',
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(zone: string): Intl.DateTimeFormat {
	let format = dayFormats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		});
		dayFormats.set(zone, format);
	}
	return format;
}

function isKnownZone(zone: string): boolean {
	try {
		dayFormat(zone);
		return true;
	} catch {
		return false;
	}
}

/** The IANA zone of Zoho's `time_zone` value, or undefined when it is none the node can read. */
export function zohoTimeZone(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const zone = ABBREVIATIONS[text.toUpperCase()] ?? text;
	return isKnownZone(zone) ? zone : undefined;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(ms: number, zone: string): string {
	const parts: Record<string, string> = {};
	for (const part of dayFormat(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
	return `${parts.year}-${parts.month}-${parts.day}`;
}
