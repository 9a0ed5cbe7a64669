/**
 * Turning the bytes of a Zoho Billing webhook request into an object, or a clear reason why not, in
 * two steps so that nothing in the body is trusted before its signature is checked:
 *   1. `readZohoWebhookBody`: the format (from the Content-Type) and the text; for form bodies also the
 *      decoded pairs, since Zoho signs those (see webhook-signature.ts). Nothing is interpreted yet.
 *   2. `parseZohoWebhookBody`: the object, once the signature has been verified (or is not required).
 *
 * Zoho sends the default payload as JSON, a customized raw JSON payload, or an
 * x-www-form-urlencoded body (Zoho Billing KB "Securing webhooks" lists all three). We parse from the
 * raw bytes ourselves, rather than trusting whatever a framework made of them, so that a body that does
 * not parse is refused with a 400 instead of silently becoming `{}`.
 */
import { describeJsonValue, isPlainObject, parseJsonExact } from '../json';
import type { KeyValuePairs } from './webhook-signature';

export type ReceivedWebhookBody =
	| { ok: true; format: 'json'; text: string; formFields: KeyValuePairs }
	| { ok: true; format: 'form'; text: string; formFields: KeyValuePairs }
	| { ok: false; status: 400 | 415; message: string };

export type ParsedWebhookBody =
	| { ok: true; body: Record<string, unknown> }
	| { ok: false; status: 400; message: string };

interface WebhookBodyInput {
	/** The request body exactly as received. */
	rawBody: Buffer | string | undefined;
	/** The Content-Type header, if any. */
	contentType: string | undefined;
}

function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJsonMediaType(type: string): boolean {
	return (
		type === 'application/json' ||
		type === 'text/json' ||
		/^application\/[a-z0-9.+-]*\+json$/.test(type)
	);
}

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

export function readZohoWebhookBody(input: WebhookBodyInput): ReceivedWebhookBody {
	const text =
		input.rawBody === undefined
			? ''
			: Buffer.isBuffer(input.rawBody)
				? input.rawBody.toString('utf8')
				: String(input.rawBody);
	const type = mediaType(input.contentType);

	if (text.trim() === '') {
		return {
			ok: false,
			status: 400,
			message: 'The request body is empty: expected a Zoho Billing event as JSON or form data',
		};
	}
	// A missing Content-Type is tolerated when the body is recognisably JSON.
	if (isJsonMediaType(type) || (type === '' && /^\s*\{/.test(text))) {
		return { ok: true, format: 'json', text, formFields: {} };
	}
	if (type === FORM_MEDIA_TYPE) {
		return { ok: true, format: 'form', text, formFields: urlEncodedPairs(text) };
	}
	return {
		ok: false,
		status: 415,
		message: `Unsupported Content-Type "${type || '(none)'}": expected application/json or application/x-www-form-urlencoded`,
	};
}

export function parseZohoWebhookBody(
	received: Extract<ReceivedWebhookBody, { ok: true }>,
): ParsedWebhookBody {
	return received.format === 'json'
		? parseJsonBody(received.text)
		: parseFormFields(received.formFields);
}

function parseJsonBody(text: string): ParsedWebhookBody {
	let value: unknown;
	try {
		value = parseJsonExact(text);
	} catch (error) {
		return {
			ok: false,
			status: 400,
			message: `The request body is not valid JSON: ${(error as Error).message}`,
		};
	}
	if (!isPlainObject(value)) {
		return {
			ok: false,
			status: 400,
			message: `The request body must be a JSON object, got ${describeJsonValue(value)}`,
		};
	}
	return { ok: true, body: value };
}

function parseFormFields(fields: KeyValuePairs): ParsedWebhookBody {
	if (Object.keys(fields).length === 0) {
		return {
			ok: false,
			status: 400,
			message: 'The form body holds no fields: expected key=value pairs',
		};
	}
	// Form fields whose value is a JSON object (a raw payload placed into a form field) are expanded,
	// so downstream nodes see objects, not strings.
	const body: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		body[key] = typeof value === 'string' ? expandJsonObject(value) : value;
	}
	return { ok: true, body };
}

/** Decoded key-value pairs of a query string or form body; a repeated key keeps every value. */
function urlEncodedPairs(text: string): Record<string, string | string[]> {
	const pairs: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const existing = pairs[key];
		if (existing === undefined) pairs[key] = value;
		else pairs[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return pairs;
}

/** The query-string pairs of a request URL (path plus `?query`). */
export function queryPairsOf(url: string): Record<string, string | string[]> {
	const queryStart = url.indexOf('?');
	return queryStart === -1 ? {} : urlEncodedPairs(url.slice(queryStart + 1));
}

function expandJsonObject(value: string): unknown {
	if (!/^\s*\{/.test(value)) return value;
	try {
		const parsed: unknown = parseJsonExact(value);
		return isPlainObject(parsed) ? parsed : value;
	} catch {
		return value;
	}
}
