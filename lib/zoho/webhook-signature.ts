/**
 * Zoho Billing webhook signatures ("I want to secure this webhook").
 *
 * Source: Zoho Billing KB "How Do I Secure My Webhooks in Zoho Billing?"
 * (https://www.zoho.com/billing/kb/webhooks/securing-webhooks.html):
 *   1. Take the query-string key-value pairs and, for x-www-form-urlencoded bodies, the (decoded) form
 *      key-value pairs; sort them alphabetically by key; concatenate each key immediately followed by
 *      its value, with no separators.
 *   2. Append the raw JSON body, byte for byte, when the body is JSON.
 *   3. The hash of that string is sent in the `X-Zoho-Webhook-Signature` header.
 * Worked example from the KB: query `subscription_id=90343`, `name=basic`, body
 * `{"created_date":"2019-03-06","event_id":"5675"}` gives the string
 * `namebasicsubscription_id90343{"created_date":"2019-03-06","event_id":"5675"}`.
 *
 * UNCONFIRMED on the Billing page itself: the hash is HMAC-SHA256 keyed with the secret token (as in
 * Zoho's other products and public implementations), and whether the digest is hex or base64. We
 * therefore accept both encodings (hex in either case), always comparing in constant time.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export const ZOHO_SIGNATURE_HEADER = 'x-zoho-webhook-signature';

/**
 * Zoho's rule for the secret token ("It must be alphanumeric and range between 12-50 characters",
 * securing-webhooks.html), in the words every hint and message uses.
 */
export const ZOHO_SECRET_TOKEN_RULE = '12 to 50 letters and digits';
const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9]{12,50}$/;

/** What a node says of a secret token Zoho would not accept. */
export const INVALID_SECRET_TOKEN = `The Secret Token of the Zoho Billing Webhook API credential must be ${ZOHO_SECRET_TOKEN_RULE}, as Zoho requires`;

export function isValidZohoSecretToken(secret: string): boolean {
	return SECRET_TOKEN_PATTERN.test(secret);
}

export type KeyValuePairs = Record<string, string | string[] | undefined>;

/** The string Zoho signs: sorted `key+value` pairs, then the raw JSON body (if any). */
export function buildZohoSigningString(pairs: KeyValuePairs, rawJsonBody = ''): string {
	const flattened: Array<[string, string]> = [];
	for (const [key, value] of Object.entries(pairs)) {
		if (value === undefined) continue;
		for (const single of Array.isArray(value) ? value : [value]) flattened.push([key, single]);
	}
	// Sort by key, then by value so repeated keys give one stable order. Plain code-unit comparison
	// is what "alphabetical" means for the ASCII keys Zoho uses; localeCompare would vary by locale.
	flattened.sort(([keyA, valueA], [keyB, valueB]) =>
		keyA === keyB ? compare(valueA, valueB) : compare(keyA, keyB),
	);
	return flattened.map(([key, value]) => key + value).join('') + rawJsonBody;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function computeZohoSignature(secret: string, signingString: string): Buffer {
	return createHmac('sha256', secret).update(signingString, 'utf8').digest();
}

/** The bytes a received signature may stand for: as hex (either case), as base64; none when it is neither. */
function decodeSignature(received: string): Buffer[] {
	const candidates: Buffer[] = [];
	if (/^[0-9a-fA-F]{64}$/.test(received)) candidates.push(Buffer.from(received, 'hex'));
	if (/^[A-Za-z0-9+/]{43}=?$/.test(received) || /^[A-Za-z0-9_-]{43}=?$/.test(received)) {
		const normalized = received.replace(/-/g, '+').replace(/_/g, '/');
		candidates.push(Buffer.from(normalized, 'base64'));
	}
	return candidates.filter((candidate) => candidate.length === 32);
}

export interface ZohoSignatureInput {
	secret: string;
	/** Value of the `X-Zoho-Webhook-Signature` header, if any. */
	signature: string | undefined;
	/** Query-string parameters of the webhook request. */
	query: KeyValuePairs;
	/** Decoded form fields when the body is x-www-form-urlencoded; empty for JSON bodies. */
	formFields: KeyValuePairs;
	/** The raw JSON body exactly as received; empty for form bodies. */
	rawJsonBody: string;
}

/** True when the request carries a valid Zoho signature for `secret`. Never throws. */
export function verifyZohoSignature(input: ZohoSignatureInput): boolean {
	const received = input.signature?.trim();
	if (!received) return false;
	const expected = computeZohoSignature(
		input.secret,
		buildZohoSigningString(
			{ ...input.query, ...mergePairs(input.query, input.formFields) },
			input.rawJsonBody,
		),
	);
	// Every candidate is compared (no early exit) so timing does not reveal which encoding matched.
	let matched = false;
	for (const candidate of decodeSignature(received)) {
		if (timingSafeEqual(candidate, expected)) matched = true;
	}
	return matched;
}

/** Query and form pairs together; a key present in both keeps both values. */
function mergePairs(query: KeyValuePairs, form: KeyValuePairs): KeyValuePairs {
	const merged: KeyValuePairs = {};
	for (const [key, value] of Object.entries(form)) {
		const existing = query[key];
		if (existing === undefined) {
			merged[key] = value;
		} else {
			merged[key] = [...toArray(existing), ...toArray(value)];
		}
	}
	return merged;
}

function toArray(value: string | string[] | undefined): string[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}
