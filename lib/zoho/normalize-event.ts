/**
 * One shape for every Zoho Billing event, whichever way it reached us.
 *
 * Three shapes arrive in practice:
 *   1. A webhook with the default payload: `{ event_id, event_type, event_time, data: { subscription | invoice | payment | ... } }`.
 *   2. An event from the Events API: `{ event_id, event_type, event_time, payload, webhooks }`, where
 *      `payload` is documented as a JSON *string* holding shape 1 (Pipedream parses it the same way).
 *   3. A module webhook body such as `{ invoice: {...} }` (Zoho Finance style). Whether Zoho Billing
 *      sends this is UNCONFIRMED, so it is accepted too.
 * The output keeps every original field (with `payload` parsed) and adds a normalized top level, so that
 * workflows can read `$json.subscription.plan.plan_code` or `$json.customer.email` without digging.
 *
 * A body is refused when it cannot be a Zoho Billing event: a known field of the wrong JSON type
 * (`event_type: 5`, `data: []`, `subscription: "x"`), or none of `event_id`, `event_type` or a resource
 * object at all (`{}`, `{"hello": 1}`). Such a body would otherwise start a workflow run that can only
 * fail later, further from the cause. Unknown extra fields are kept, never refused.
 */
import { withCustomFieldsByApiName } from './custom-fields';
import { mostPreciseEventTime } from './event-time';
import { resourceOfEventType, type ZohoResource } from './event-types';
import { describeJsonValue, isPlainObject, parseJsonExact } from '../json';
import { webhookDeliveryOf, type WebhookDelivery } from './webhook-delivery';

type JsonObject = Record<string, unknown>;

export interface NormalizedZohoEvent extends JsonObject {
	event_id: string | null;
	event_type: string | null;
	/** The most precise time the event carries (event-time.ts `mostPreciseEventTime`). */
	event_time: string | null;
	/** Zoho's `event_time` as sent, when `event_time` holds a more precise time than it. */
	original_event_time?: string;
	resource: ZohoResource | 'customer' | null;
	subscription?: JsonObject;
	invoice?: JsonObject;
	payment?: JsonObject;
	creditnote?: JsonObject;
	card?: JsonObject;
	customer?: JsonObject;
	/** Events API records only: how Zoho's webhook deliveries of the event went. */
	webhook_delivery?: WebhookDelivery;
}

export type NormalizeResult =
	| { ok: true; event: NormalizedZohoEvent }
	| { ok: false; message: string };

/** Resource objects looked for in the event data, in the order an event is classified by. */
const RESOURCE_KEYS = ['subscription', 'invoice', 'payment', 'creditnote', 'card'] as const;

export function normalizeZohoEvent(original: JsonObject): NormalizeResult {
	const event: JsonObject = { ...original };

	// Events API: `payload` is a JSON string (sometimes already an object).
	let payload: JsonObject | undefined;
	if (typeof original.payload === 'string') {
		const text = original.payload.trim();
		if (text !== '') {
			try {
				const parsed: unknown = parseJsonExact(text);
				if (!isPlainObject(parsed)) {
					return { ok: false, message: 'The event "payload" must hold a JSON object' };
				}
				payload = parsed;
			} catch (error) {
				return {
					ok: false,
					message: `The event "payload" is not valid JSON: ${(error as Error).message}`,
				};
			}
			event.payload = payload;
		}
	} else if (isPlainObject(original.payload)) {
		payload = original.payload;
	}

	// Where the resource objects live: `data` of the event, `data` of the payload, or the top level.
	const envelope = payload ?? original;
	const problem = shapeProblem(original, envelope);
	if (problem) return { ok: false, message: problem };
	const data = firstObject(envelope.data, original.data) ?? envelope;

	const zohoEventTime = firstString(original.event_time, envelope.event_time);
	const normalized: NormalizedZohoEvent = {
		event_id: firstString(original.event_id, envelope.event_id),
		event_type: firstString(original.event_type, envelope.event_type),
		event_time: mostPreciseEventTime(
			zohoEventTime,
			firstString(original.created_time, envelope.created_time),
		),
		resource: null,
	};
	// Zoho's own value, when a more precise time took its place (a bare date, see event-time.ts).
	if (zohoEventTime !== null && zohoEventTime !== normalized.event_time)
		normalized.original_event_time = zohoEventTime;

	// Each record's custom fields also keyed by API name (custom-fields.ts), as the lookups output them.
	for (const key of RESOURCE_KEYS) {
		const value = firstObject(data[key], original[key]);
		if (value) normalized[key] = withCustomFieldsByApiName(value);
	}

	const customer = findCustomer(data, normalized);
	if (customer) normalized.customer = withCustomFieldsByApiName(customer);

	normalized.resource =
		(normalized.event_type ? resourceOfEventType(normalized.event_type) : undefined) ??
		RESOURCE_KEYS.find((key) => normalized[key] !== undefined) ??
		(customer ? 'customer' : null);

	// Events API records say whether Zoho delivered their webhooks; one word sums that up.
	const delivery = webhookDeliveryOf(original);
	if (delivery !== undefined) normalized.webhook_delivery = delivery;

	return { ok: true, event: { ...event, ...normalized } };
}

const ENVELOPE_FIELDS = [
	['event_id', ['string', 'number'], 'a string or number'],
	['event_type', ['string'], 'a string'],
	['event_time', ['string'], 'a string'],
] as const;

/** Why this cannot be a Zoho Billing event, or undefined when it can. `null` counts as absent. */
function shapeProblem(original: JsonObject, envelope: JsonObject): string | undefined {
	const sources = envelope === original ? [original] : [original, envelope];
	for (const source of sources) {
		for (const [field, types, expected] of ENVELOPE_FIELDS) {
			const value = source[field];
			if (
				value !== undefined &&
				value !== null &&
				!(types as readonly string[]).includes(typeof value)
			) {
				return `"${field}" must be ${expected}, got ${describeJsonValue(value)}`;
			}
		}
		if (source.data !== undefined && source.data !== null && !isPlainObject(source.data)) {
			return `"data" must be an object, got ${describeJsonValue(source.data)}`;
		}
	}
	const holders = sources.flatMap((source) => [
		source,
		isPlainObject(source.data) ? source.data : {},
	]);
	let hasResource = false;
	for (const holder of holders) {
		for (const key of [...RESOURCE_KEYS, 'customer']) {
			const value = holder[key];
			if (value === undefined || value === null) continue;
			if (!isPlainObject(value))
				return `"${key}" must be an object, got ${describeJsonValue(value)}`;
			hasResource = true;
		}
	}
	const hasEnvelope = sources.some((source) =>
		ENVELOPE_FIELDS.some(
			([field]) =>
				field !== 'event_time' &&
				source[field] !== undefined &&
				source[field] !== null &&
				source[field] !== '',
		),
	);
	if (!hasEnvelope && !hasResource) {
		return 'This is not a Zoho Billing event: it has no event_id, event_type, or subscription, invoice, payment, creditnote, card or customer object';
	}
	return undefined;
}

/**
 * The customer an event is about: the explicit `customer` object if Zoho sent one, else the one nested
 * in the subscription, else the customer fields that invoices and payments carry inline.
 */
function findCustomer(data: JsonObject, resources: NormalizedZohoEvent): JsonObject | undefined {
	const explicit = firstObject(data.customer, resources.subscription?.customer);
	if (explicit) return explicit;
	for (const source of [
		resources.subscription,
		resources.invoice,
		resources.payment,
		resources.creditnote,
		resources.card,
	]) {
		if (!source) continue;
		const inline: JsonObject = {};
		if (source.customer_id !== undefined) inline.customer_id = source.customer_id;
		if (source.customer_name !== undefined) inline.display_name = source.customer_name;
		if (source.email !== undefined) inline.email = source.email;
		if (source.phone !== undefined) inline.phone = source.phone;
		if (source.mobile !== undefined) inline.mobile = source.mobile;
		if (Object.keys(inline).length > 0) return inline;
	}
	return undefined;
}

function firstObject(...values: unknown[]): JsonObject | undefined {
	return values.find(isPlainObject);
}

function firstString(...values: unknown[]): string | null {
	for (const value of values) {
		if (typeof value === 'string' && value !== '') return value;
		if (typeof value === 'number') return String(value);
	}
	return null;
}
