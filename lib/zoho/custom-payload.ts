/**
 * Zoho Billing webhooks with a "Customized raw JSON payload": the body is whatever JSON the user
 * templated in Zoho, so nothing of Zoho's default shape can be assumed. Zoho lists it beside the
 * default payload and form bodies ("Default payload/Customized raw JSON payload. x-www-form-urlencoded
 * payload", Zoho Billing KB "How Do I Secure My Webhooks"), and MoEngage's own Zoho Billing guide
 * tells users who want a custom payload to pick Raw JSON.
 *
 * Such a body is passed on as sent. Only two things are read from it, at the fields the user names:
 * the event type (for the Events filter) and the event ID (for deduplication). Their defaults are the
 * names Zoho's default payload uses, `event_type` and `event_id`, which is what a template built
 * from Zoho's event placeholders holds; the exact placeholder names Zoho offers in its editor are
 * UNCONFIRMED, so any field can be named, with dots reaching into objects (`data.type`).
 */
import { describeJsonValue, isPlainObject } from '../json';

/** How the body of a Zoho Billing webhook is laid out. */
export type ZohoWebhookPayload =
	| { kind: 'default' }
	| { kind: 'custom'; eventTypeField: string; eventIdField: string };

export const DEFAULT_PAYLOAD: ZohoWebhookPayload = { kind: 'default' };
export const DEFAULT_EVENT_TYPE_FIELD = 'event_type';
export const DEFAULT_EVENT_ID_FIELD = 'event_id';

/** A custom body as it is passed on: the body as sent, with the event type and ID at the top. */
export type CustomZohoEvent = Record<string, unknown> & {
	event_id: string | null;
	event_type: string | null;
};

export type CustomPayloadResult =
	| { ok: true; event: CustomZohoEvent }
	| { ok: false; message: string };

/** The value at a dotted path (`data.event_type`), or undefined when any step is missing. */
function valueAt(body: Record<string, unknown>, path: string): unknown {
	let value: unknown = body;
	for (const key of path.split('.')) {
		if (!isPlainObject(value)) return undefined;
		value = value[key];
	}
	return value;
}

/** Text or a number as text; undefined for absent or empty; a problem for any other JSON. */
function textAt(
	body: Record<string, unknown>,
	field: string,
	what: string,
): { value: string | null } | { problem: string } {
	const value = valueAt(body, field);
	if (value === undefined || value === null || value === '') return { value: null };
	if (typeof value === 'string') return { value };
	if (typeof value === 'number') return { value: String(value) };
	return {
		problem: `The field "${field}" named as the ${what} field must hold text, got ${describeJsonValue(value)}`,
	};
}

/** A custom payload's event, or why it cannot be one (a field holding an object, say). */
export function readCustomPayload(
	body: Record<string, unknown>,
	fields: { eventTypeField: string; eventIdField: string },
): CustomPayloadResult {
	const eventType = textAt(body, fields.eventTypeField.trim(), 'event type');
	if ('problem' in eventType) return { ok: false, message: eventType.problem };
	const eventId = textAt(body, fields.eventIdField.trim(), 'event ID');
	if ('problem' in eventId) return { ok: false, message: eventId.problem };
	return {
		ok: true,
		event: { ...body, event_id: eventId.value, event_type: eventType.value },
	};
}

/**
 * What a body without an event type gets when the Events filter names types: refused with this
 * message (a 400, so Zoho logs the delivery as failed and the user sees it) rather than acknowledged
 * and dropped, since the filter cannot tell whether the workflow wants it.
 */
export function untypedEventMessage(eventTypeField: string): string {
	return (
		`The webhook body has no event type at "${eventTypeField}", so the Events filter cannot tell ` +
		'whether this workflow wants it: put the event type into the payload in Zoho, or set Events ' +
		'to All Events'
	);
}
