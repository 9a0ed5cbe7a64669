/**
 * From a Zoho Billing webhook request to one event, or the HTTP status and reason for refusing it.
 * The one sequence both ways of receiving a webhook share: the Zoho Billing Trigger, and the Zoho
 * Billing node's Webhook > Verify after n8n's own Webhook node.
 *
 *   1. read the body (400 when empty, 415 for a Content-Type Zoho does not send);
 *   2. verify the signature on the raw bytes when a secret is given (401), before anything in the
 *      body is interpreted;
 *   3. parse (400), then for Zoho's default payload normalize (400 when it cannot be a Zoho Billing
 *      event), for a custom payload read its event type and ID (custom-payload.ts) and pass it on.
 */
import {
	DEFAULT_PAYLOAD,
	readCustomPayload,
	type CustomZohoEvent,
	type ZohoWebhookPayload,
} from './custom-payload';
import { normalizeZohoEvent, type NormalizedZohoEvent } from './normalize-event';
import { parseZohoWebhookBody, readZohoWebhookBody } from './webhook-body';
import {
	isValidZohoSecretToken,
	verifyZohoSignature,
	type KeyValuePairs,
} from './webhook-signature';

export interface ZohoWebhookRequest {
	/** The request body exactly as received. */
	rawBody: Buffer | string | undefined;
	/** The Content-Type header, if any. */
	contentType: string | undefined;
	/** The X-Zoho-Webhook-Signature header, if any (a repeated header counts by its first value). */
	signature: string | string[] | undefined;
	/** The query-string pairs of the request URL: Zoho signs them too. */
	query: KeyValuePairs;
}

export type AcceptedZohoWebhook =
	| { ok: true; event: NormalizedZohoEvent | CustomZohoEvent }
	| { ok: false; status: 400 | 401 | 415; message: string };

export const INVALID_SIGNATURE_MESSAGE = 'Missing or invalid X-Zoho-Webhook-Signature';

/**
 * The request's event, or why it is refused. `secret` is the webhook's Secret Token; `null` accepts the
 * request unsigned (authentication None). A secret Zoho would not accept never verifies anything.
 * `payload` says whether the body is Zoho's default payload or one the user templated.
 */
export function acceptZohoWebhook(
	request: ZohoWebhookRequest,
	secret: string | null,
	payload: ZohoWebhookPayload = DEFAULT_PAYLOAD,
): AcceptedZohoWebhook {
	const received = readZohoWebhookBody(request);
	if (!received.ok) return received;

	if (secret !== null) {
		const signature = Array.isArray(request.signature) ? request.signature[0] : request.signature;
		const valid =
			isValidZohoSecretToken(secret) &&
			verifyZohoSignature({
				secret,
				signature,
				query: request.query,
				formFields: received.formFields,
				rawJsonBody: received.format === 'json' ? received.text : '',
			});
		if (!valid) return { ok: false, status: 401, message: INVALID_SIGNATURE_MESSAGE };
	}

	const parsed = parseZohoWebhookBody(received);
	if (!parsed.ok) return parsed;
	if (payload.kind === 'custom') {
		const custom = readCustomPayload(parsed.body, payload);
		return custom.ok ? custom : { ok: false, status: 400, message: custom.message };
	}
	const normalized = normalizeZohoEvent(parsed.body);
	return normalized.ok ? normalized : { ok: false, status: 400, message: normalized.message };
}
