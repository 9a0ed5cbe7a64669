/**
 * MoEngage's data rules, checked before anything is sent so that each bad item gets its own clear error
 * instead of a rejected batch (MoEngage's Bulk Import reports no per-element errors: "All bulk API
 * requests return a 200 response code").
 *
 * Sources (MoEngage docs repository): data-overview.mdx (blocked customer_id values, `moe_` prefix,
 * "Reserved Keywords for User Attributes", ISO 8601 dates), data.yaml (`UserAttributes`: the `moe_`
 * attributes Track User sets; `id`, `_id` and empty names blocked as user attribute names; future
 * events refused), data-tracking-policies.mdx (MoEngage keeps the first 200 characters of a name and
 * 512 of a value; arrays ≤ 50 elements).
 */

import { isBareDate, timestampMs } from '../dates';
import { InputError } from '../input-error';

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
	if (id === '') throw new InputError(`${field} is empty: every MoEngage user needs an identifier`);
	if (id.length < 2 || BLOCKED_CUSTOMER_IDS.has(id.toLowerCase())) {
		throw new InputError(
			`${field} "${id}" is a placeholder MoEngage refuses as a user ID (such as "guest", "null", "0" or a single character)`,
		);
	}
	if (id.length > MAX_VALUE_LENGTH)
		throw new InputError(`${field} is longer than ${MAX_VALUE_LENGTH} characters`);
	return id;
}

/** Identifier values (email, mobile) used through identity resolution. */
export function validateIdentifierValue(value: unknown, field: string): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '')
		throw new InputError(`${field} is empty: every MoEngage user needs an identifier`);
	if (text.length > MAX_VALUE_LENGTH)
		throw new InputError(`${field} is longer than ${MAX_VALUE_LENGTH} characters`);
	return text;
}

/**
 * The `moe_` attributes MoEngage documents as settable through Track User (data.yaml `UserAttributes`:
 * subscription and consent flags), with the values each takes. Every other `moe_` name is MoEngage's
 * own and refused ("Do not use prefix moe_", data-overview.mdx). `moe_mobile` is an identity-resolution
 * identifier, set through Identify User By rather than as an attribute.
 */
const SETTABLE_MOE_USER_ATTRIBUTES: Readonly<
	Record<string, 'boolean' | 'text' | readonly string[]>
> = {
	moe_unsubscribe: 'boolean',
	moe_spam: 'boolean',
	moe_hard_bounce: 'boolean',
	moe_wa_subscription: 'boolean',
	moe_sub_w: 'boolean',
	moe_sms_subscription: 'text',
	moe_em_unsub_categories: 'text',
	moe_email_optin_status: ['DOUBLE_OPTED_IN', 'OPTED_OUT', 'OPT_IN_PENDING'],
};

/** Whether attributes belong to a user update or to an event: MoEngage's rules differ. */
export type AttributeKind = 'user' | 'event';

/**
 * What to do with a name over 200 or a value over 512 characters, which MoEngage cuts to that length
 * (data-tracking-policies.mdx): cut it here too and warn (so what is sent is what MoEngage keeps), or
 * fail the item. Warnings are added to `warnings`.
 */
export interface OverLongPolicy {
	overLong: 'truncate' | 'fail';
	warnings: string[];
}

/** Fails at once on anything over the limits: for callers that keep no warnings. */
const FAIL_OVER_LONG: OverLongPolicy = { overLong: 'fail', warnings: [] };

/** Characters as MoEngage counts them (code points: an emoji is one). */
function characters(text: string): number {
	return Array.from(text).length;
}

function firstCharacters(text: string, limit: number): string {
	return Array.from(text).slice(0, limit).join('');
}

/** Rules every custom attribute name follows, and the name as it is sent (cut to 200 if allowed). */
function validateAttributeName(
	name: string,
	field: string,
	kind: AttributeKind,
	policy: OverLongPolicy,
): string {
	if (name.trim() === '' || (kind === 'user' && (name === 'id' || name === '_id'))) {
		throw new InputError(`${field}: "${name}" is not allowed as an attribute name by MoEngage`);
	}
	if (
		name.toLowerCase().startsWith('moe_') &&
		!(kind === 'user' && name in SETTABLE_MOE_USER_ATTRIBUTES)
	) {
		throw new InputError(
			`${field}: "${name}" starts with "moe_", which MoEngage reserves for its own attributes`,
		);
	}
	// "Reserved Keywords for User Attributes" (data-overview.mdx): user attributes only.
	if (kind === 'user' && RESERVED_ATTRIBUTE_NAMES.has(name)) {
		throw new InputError(`${field}: "${name}" is a reserved MoEngage user attribute name`);
	}
	if (name.length > MAX_NAME_LENGTH && characters(name) > MAX_NAME_LENGTH) {
		const shown = `"${firstCharacters(name, 40)}…"`;
		if (policy.overLong === 'fail') {
			throw new InputError(
				`${field}: attribute name ${shown} is longer than ${MAX_NAME_LENGTH} characters, which MoEngage cuts to ${MAX_NAME_LENGTH}`,
			);
		}
		policy.warnings.push(
			`${field}: attribute name ${shown} was cut to the ${MAX_NAME_LENGTH} characters MoEngage keeps`,
		);
		return firstCharacters(name, MAX_NAME_LENGTH);
	}
	return name;
}

/**
 * A value as it is sent: strings of at most 512 characters (cut if allowed), finite numbers,
 * booleans, arrays of at most 50 such, objects; for a settable `moe_` attribute, the value it takes.
 */
export function validateAttributeValue(
	name: string,
	value: unknown,
	field: string,
	policy: OverLongPolicy = FAIL_OVER_LONG,
): unknown {
	const moe = SETTABLE_MOE_USER_ATTRIBUTES[name];
	if (moe !== undefined) return moeAttributeValue(name, value, field, moe);
	if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
		const length = characters(value);
		if (length > MAX_VALUE_LENGTH) {
			if (policy.overLong === 'fail') {
				throw new InputError(
					`${field}: value of "${name}" is ${length} characters long; MoEngage keeps at most ${MAX_VALUE_LENGTH}`,
				);
			}
			policy.warnings.push(
				`${field}: value of "${name}" (${length} characters) was cut to the ${MAX_VALUE_LENGTH} MoEngage keeps`,
			);
			return firstCharacters(value, MAX_VALUE_LENGTH);
		}
	}
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new InputError(`${field}: value of "${name}" is not a finite number`);
	}
	if (Array.isArray(value)) {
		if (value.length > MAX_ARRAY_LENGTH) {
			throw new InputError(
				`${field}: "${name}" has ${value.length} elements; MoEngage keeps at most ${MAX_ARRAY_LENGTH}`,
			);
		}
		return value.map((element) => validateAttributeValue(name, element, field, policy));
	}
	return value;
}

/** A settable `moe_` attribute's value, in the type MoEngage documents ("true" from a form is true). */
function moeAttributeValue(
	name: string,
	value: unknown,
	field: string,
	type: 'boolean' | 'text' | readonly string[],
): unknown {
	if (type === 'boolean') {
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		throw new InputError(`${field}: "${name}" must be true or false, got ${JSON.stringify(value)}`);
	}
	if (type === 'text') {
		if (typeof value === 'string' && characters(value) <= MAX_VALUE_LENGTH) return value;
		throw new InputError(
			`${field}: "${name}" must be text of at most ${MAX_VALUE_LENGTH} characters`,
		);
	}
	if (typeof value === 'string' && type.includes(value)) return value;
	throw new InputError(
		`${field}: "${name}" must be one of ${type.join(', ')}, got ${JSON.stringify(value)}`,
	);
}

/** Validates attributes of a user update or an event, and returns them as sent (no `undefined`). */
export function validateAttributes(
	attributes: Record<string, unknown>,
	field: string,
	kind: AttributeKind = 'user',
	policy: OverLongPolicy = FAIL_OVER_LONG,
): Record<string, unknown> {
	const clean: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined) continue;
		const sentName = validateAttributeName(name, field, kind, policy);
		if (sentName !== name && sentName in clean) {
			throw new InputError(
				`${field}: two attribute names are the same in their first ${MAX_NAME_LENGTH} characters, which is all MoEngage keeps`,
			);
		}
		clean[sentName] = validateAttributeValue(name, value, field, policy);
	}
	return clean;
}

export function validateEventName(value: unknown, field = 'Event Name'): string {
	const name = value === undefined || value === null ? '' : String(value).trim();
	if (name === '') throw new InputError(`${field} is empty`);
	if (name.toLowerCase().startsWith('moe_')) {
		throw new InputError(
			`${field} "${name}" starts with "moe_", which MoEngage reserves for its own events`,
		);
	}
	if (name.includes('.')) {
		throw new InputError(
			`${field} "${name}" contains "." which MoEngage turns into a space; use "_" instead`,
		);
	}
	if (name.length > MAX_NAME_LENGTH)
		throw new InputError(`${field} is longer than ${MAX_NAME_LENGTH} characters`);
	return name;
}

/**
 * A date or date-time in the form MoEngage parses as a date (ISO 8601: `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm:ssZ`); anything else MoEngage would store as a plain string. Timestamps with an
 * offset, like Zoho's `2026-11-02T15:28:59-0400`, are converted to UTC.
 */
export function toMoEngageDate(value: unknown, field: string): string {
	const text =
		value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
	if (isBareDate(text) && !Number.isNaN(Date.parse(text))) return text;
	const parsed = timestampMs(text);
	// toISOString always ends in ".sssZ" for the 4-digit years timestampMs accepts.
	if (!Number.isNaN(parsed)) return `${new Date(parsed).toISOString().slice(0, 19)}Z`;
	throw new InputError(
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
	const iso = isBareDate(given) ? `${given}T00:00:00Z` : given;
	const time = Date.parse(iso);
	if (time > now.getTime() + CLOCK_SKEW_MS) {
		throw new InputError(
			`${field} ${iso} is in the future; MoEngage does not accept future events`,
		);
	}
	return time > now.getTime() ? toMoEngageDate(now, field) : iso;
}
