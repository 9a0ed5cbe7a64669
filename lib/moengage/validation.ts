/**
 * MoEngage's data rules, checked before anything is sent so that each bad item gets its own clear error
 * instead of a rejected batch (MoEngage's Bulk Import reports no per-element errors: "All bulk API
 * requests return a 200 response code").
 *
 * Sources (MoEngage docs repository): data-overview.mdx (blocked customer_id values, `moe_` prefix,
 * reserved keys, ISO 8601 dates), data.yaml (`id`, `_id` and empty names blocked; future events
 * refused), data-tracking-policies.mdx (names ≤ 200 characters, values ≤ 512, arrays ≤ 50 elements).
 */

/** An input that MoEngage would refuse or silently mangle, with the field it concerns. */
export class MoEngageValidationError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

const BLOCKED_CUSTOMER_IDS = new Set([
	'unknown',
	'guest',
	'null',
	'0',
	'1',
	'true',
	'false',
	'user_attribute_unique_id',
	'(empty)',
	'na',
	'n/a',
	'',
	'dummy_seller_code',
	'user_id',
	'id',
	'customer_id',
	'uid',
	'userid',
	'none',
	'-2',
	'-1',
	'2',
]);

const RESERVED_ATTRIBUTE_NAMES = new Set([
	'USER_ATTRIBUTE_UNIQUE_ID',
	'USER_ATTRIBUTE_USER_EMAIL',
	'USER_ATTRIBUTE_USER_MOBILE',
	'USER_ATTRIBUTE_USER_NAME',
	'USER_ATTRIBUTE_USER_GENDER',
	'USER_ATTRIBUTE_USER_FIRST_NAME',
	'USER_ATTRIBUTE_USER_LAST_NAME',
	'USER_ATTRIBUTE_USER_BDAY',
	'USER_ATTRIBUTE_NOTIFICATION_PREF',
	'USER_ATTRIBUTE_OLD_ID',
	'MOE_TIME_FORMAT',
	'MOE_TIME_TIMEZONE',
	'USER_ATTRIBUTE_DND_START_TIME',
	'USER_ATTRIBUTE_DND_END_TIME',
	'MOE_GAID',
	'INSTALL',
	'UPDATE',
	'MOE_ISLAT',
	'status',
	'user_id',
	'source',
]);

const MAX_NAME_LENGTH = 200;
const MAX_VALUE_LENGTH = 512;
const MAX_ARRAY_LENGTH = 50;

export function validateCustomerId(value: unknown, field = 'Customer ID'): string {
	const id = value === undefined || value === null ? '' : String(value).trim();
	if (id === '')
		throw new MoEngageValidationError(
			field,
			`${field} is empty: every MoEngage user needs an identifier`,
		);
	if (id.length < 2 || BLOCKED_CUSTOMER_IDS.has(id.toLowerCase())) {
		throw new MoEngageValidationError(
			field,
			`${field} "${id}" is a placeholder MoEngage refuses as a user ID (such as "guest", "null", "0" or a single character)`,
		);
	}
	if (id.length > MAX_VALUE_LENGTH)
		throw new MoEngageValidationError(
			field,
			`${field} is longer than ${MAX_VALUE_LENGTH} characters`,
		);
	return id;
}

/** Identifier values (email, mobile) used through identity resolution. */
export function validateIdentifierValue(value: unknown, field: string): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '')
		throw new MoEngageValidationError(
			field,
			`${field} is empty: every MoEngage user needs an identifier`,
		);
	if (text.length > MAX_VALUE_LENGTH)
		throw new MoEngageValidationError(
			field,
			`${field} is longer than ${MAX_VALUE_LENGTH} characters`,
		);
	return text;
}

/** Rules every custom attribute name (user or event) follows. */
function validateAttributeName(name: string, field: string): void {
	if (name.trim() === '' || name === 'id' || name === '_id') {
		throw new MoEngageValidationError(
			field,
			`${field}: "${name}" is not allowed as an attribute name by MoEngage`,
		);
	}
	if (name.toLowerCase().startsWith('moe_')) {
		throw new MoEngageValidationError(
			field,
			`${field}: "${name}" starts with "moe_", which MoEngage reserves for its own attributes`,
		);
	}
	if (RESERVED_ATTRIBUTE_NAMES.has(name)) {
		throw new MoEngageValidationError(
			field,
			`${field}: "${name}" is a reserved MoEngage attribute name`,
		);
	}
	if (name.length > MAX_NAME_LENGTH) {
		throw new MoEngageValidationError(
			field,
			`${field}: attribute name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters`,
		);
	}
}

/** Values MoEngage stores: strings ≤ 512, numbers, booleans, arrays ≤ 50 of those, objects. */
export function validateAttributeValue(name: string, value: unknown, field: string): void {
	if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
		throw new MoEngageValidationError(
			field,
			`${field}: value of "${name}" is ${value.length} characters long; MoEngage keeps at most ${MAX_VALUE_LENGTH}`,
		);
	}
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new MoEngageValidationError(field, `${field}: value of "${name}" is not a finite number`);
	}
	if (Array.isArray(value)) {
		if (value.length > MAX_ARRAY_LENGTH) {
			throw new MoEngageValidationError(
				field,
				`${field}: "${name}" has ${value.length} elements; MoEngage keeps at most ${MAX_ARRAY_LENGTH}`,
			);
		}
		value.forEach((element) => validateAttributeValue(name, element, field));
	}
}

/** Validates custom attributes and returns them without `undefined` values. */
export function validateAttributes(
	attributes: Record<string, unknown>,
	field: string,
): Record<string, unknown> {
	const clean: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined) continue;
		validateAttributeName(name, field);
		validateAttributeValue(name, value, field);
		clean[name] = value;
	}
	return clean;
}

export function validateEventName(value: unknown, field = 'Event Name'): string {
	const name = value === undefined || value === null ? '' : String(value).trim();
	if (name === '') throw new MoEngageValidationError(field, `${field} is empty`);
	if (name.toLowerCase().startsWith('moe_')) {
		throw new MoEngageValidationError(
			field,
			`${field} "${name}" starts with "moe_", which MoEngage reserves for its own events`,
		);
	}
	if (name.includes('.')) {
		throw new MoEngageValidationError(
			field,
			`${field} "${name}" contains "." which MoEngage turns into a space; use "_" instead`,
		);
	}
	if (name.length > MAX_NAME_LENGTH)
		throw new MoEngageValidationError(
			field,
			`${field} is longer than ${MAX_NAME_LENGTH} characters`,
		);
	return name;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date or date-time in the form MoEngage parses as a date (ISO 8601: `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm:ssZ`); anything else MoEngage would store as a plain string. Timestamps with an
 * offset, like Zoho's `2026-11-02T15:28:59-0400`, are converted to UTC.
 */
export function toMoEngageDate(value: unknown, field: string): string {
	const text =
		value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
	if (DATE_ONLY.test(text) && !Number.isNaN(Date.parse(text))) return text;
	if (DATE_TIME.test(text)) {
		const normalized = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
		const parsed = Date.parse(
			/(Z|[+-]\d{2}:\d{2})$/.test(normalized) ? normalized : `${normalized}Z`,
		);
		// toISOString always ends in ".sssZ" for the 4-digit years DATE_TIME accepts.
		if (!Number.isNaN(parsed)) return `${new Date(parsed).toISOString().slice(0, 19)}Z`;
	}
	throw new MoEngageValidationError(
		field,
		`${field} must be an ISO 8601 date such as 2026-11-02 or 2026-11-02T15:28:59Z, got "${String(value)}"`,
	);
}

/** Clocks of two systems differ a little; up to this much "future" is treated as now. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The event time to send as `current_time`: given or now, never in the future (MoEngage refuses future
 * events), always a full UTC timestamp (a bare date means its midnight UTC).
 */
export function eventTime(value: unknown, now: Date, field = 'Event Time'): string {
	if (value === undefined || value === null || value === '') return toMoEngageDate(now, field);
	const given = toMoEngageDate(value, field);
	const iso = DATE_ONLY.test(given) ? `${given}T00:00:00Z` : given;
	const time = Date.parse(iso);
	if (time > now.getTime() + CLOCK_SKEW_MS) {
		throw new MoEngageValidationError(
			field,
			`${field} ${iso} is in the future; MoEngage does not accept future events`,
		);
	}
	return time > now.getTime() ? toMoEngageDate(now, field) : iso;
}
