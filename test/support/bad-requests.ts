/**
 * Generators (fast-check) for webhook requests that must never start a workflow, each with the answer
 * the README documents for it. Built from the real fixtures, so every bad request is "one thing wrong"
 * with an otherwise genuine Zoho Billing delivery.
 */
import fc from 'fast-check';

import { zohoEvent, type ZohoEventName } from '../fixtures';
import { signZohoWebhook, WEBHOOK_SECRET } from './zoho-webhook-signer';

export type BadRequestKind =
	| 'forged signature'
	| 'malformed JSON'
	| 'JSON that is not an object'
	| 'wrong content type'
	| 'not a Zoho event'
	| 'field of the wrong type'
	| 'empty body'
	| 'large body, not an event'
	| 'body over n8n size limit';

export interface BadRequest {
	kind: BadRequestKind;
	/** What was done to the delivery, for failure messages. */
	detail: string;
	headers: Record<string, string>;
	body: string;
	/** The documented answer (or answers, where n8n itself is not deterministic). */
	status: number | number[];
}

/** n8n stops reading bodies over N8N_PAYLOAD_SIZE_MAX (16 MiB by default) before any node sees them. */
export const N8N_DEFAULT_PAYLOAD_LIMIT_BYTES = 16 * 1024 * 1024;

const FIXTURES: ZohoEventName[] = [
	'subscriptionCreated',
	'invoiceCreated',
	'paymentThankyou',
	'paymentDeclined',
	'cardExpiring',
	'creditnoteAdded',
];
const fixtureBody = fc
	.constantFrom(...FIXTURES)
	.map((name) => zohoEvent(name) as Record<string, unknown>);

const json = (contentType = 'application/json') => ({ 'content-type': contentType });
/** A request correctly signed with the webhook secret, so only the `kind` of fault is wrong with it. */
const signedRequest = (
	kind: BadRequestKind,
	body: string,
	detail: string,
	status: number | number[],
	contentType = 'application/json',
): BadRequest => ({
	kind,
	detail,
	headers: { ...json(contentType), 'x-zoho-webhook-signature': signZohoWebhook(body) },
	body,
	status,
});

/** A genuine event with a signature that is not the right HMAC: missing, random, of another body or secret. */
const forgedSignature: fc.Arbitrary<BadRequest> = fc
	.tuple(
		fixtureBody,
		fc.oneof(
			fc.constant({ how: 'no signature header', signature: undefined as string | undefined }),
			fc
				.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })
				.map((signature) => ({ how: 'random hex', signature })),
			fc
				.base64String({ minLength: 44, maxLength: 44 })
				.map((signature) => ({ how: 'random base64', signature })),
			fc.string({ maxLength: 300 }).map((signature) => ({ how: 'random text', signature })),
			fc
				.stringMatching(/^[A-Za-z0-9]{12,50}$/)
				.map((secret) => ({ how: 'signed with another secret', signature: `other:${secret}` })),
			fc.constant({ how: 'signature of a different body', signature: 'different-body' }),
		),
	)
	.map(([event, { how, signature }]) => {
		const body = JSON.stringify(event);
		let header = signature;
		if (signature?.startsWith('other:')) {
			const secret = signature.slice('other:'.length);
			header = signZohoWebhook(body, secret === WEBHOOK_SECRET ? `${secret}x` : secret);
		}
		if (signature === 'different-body') header = signZohoWebhook(`${body} `);
		// Header values must be valid HTTP header text; anything else would fail in the client, not n8n.
		const headers: Record<string, string> = json();
		if (header !== undefined)
			headers['x-zoho-webhook-signature'] = header.replace(/[^\x20-\x7e]/g, '?');
		return { kind: 'forged signature' as const, detail: how, headers, body, status: 401 };
	});

/**
 * A genuine, correctly signed event whose JSON text is broken: cut short or with a byte changed. n8n
 * parses JSON bodies before any node runs and answers these itself: 422 "Failed to parse request body".
 */
const malformedJson: fc.Arbitrary<BadRequest> = fc
	.tuple(
		fixtureBody,
		fc.nat(),
		fc.constantFrom('{', '}', '"', ',', ':', '\\', '\u0000', 'x'),
		fc.boolean(),
	)
	.map(([event, position, junk, cut]) => {
		const text = JSON.stringify(event);
		const at = 1 + (position % (text.length - 2));
		return cut
			? { text: text.slice(0, at), how: `cut at ${at}` }
			: {
					text: `${text.slice(0, at)}${junk}${text.slice(at)}`,
					how: `${JSON.stringify(junk)} inserted at ${at}`,
				};
	})
	.filter(({ text }) => !parses(text))
	.map(({ text, how }) => signedRequest('malformed JSON', text, how, 422));

/** Valid JSON that is not an object: arrays, strings, numbers, booleans, null. */
const notAnObject: fc.Arbitrary<BadRequest> = fc
	.oneof(
		fc.array(fc.jsonValue(), { maxLength: 5 }),
		fc.string(),
		fc.double({ noNaN: true, noDefaultInfinity: true }),
		fc.boolean(),
		fc.constant(null),
	)
	.map((value) => {
		const body = JSON.stringify(value);
		return signedRequest('JSON that is not an object', body, body.slice(0, 60), 400);
	});

/** A genuine signed event sent with a content type the trigger does not read. */
const wrongContentType: fc.Arbitrary<BadRequest> = fc
	.tuple(
		fixtureBody,
		fc.oneof(
			fc.constantFrom(
				'text/plain',
				'text/xml',
				'application/xml',
				'text/html',
				'application/octet-stream',
				'image/png',
				'text/csv',
				'application/pdf',
			),
			fc
				.tuple(
					fc.constantFrom('text', 'application', 'image', 'audio', 'video'),
					fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
				)
				.map(([type, subtype]) => `${type}/${subtype}`),
		),
	)
	.filter(([, contentType]) => !/(^|\/|\+)json$|x-www-form-urlencoded|multipart/.test(contentType))
	.map(([event, contentType]) => {
		const body = JSON.stringify(event);
		// n8n parses XML bodies itself before the trigger runs and refuses JSON sent as XML with 422, but
		// not always: under concurrent requests its shared XML parser sometimes lets one through, and
		// the trigger then answers 415. Either is a refusal that starts nothing.
		const status = /(\/|\+)xml$/.test(contentType) ? [422, 415] : [415];
		return signedRequest('wrong content type', body, contentType, status, contentType);
	});

const ZOHO_KEYS = [
	'event_id',
	'event_type',
	'subscription',
	'invoice',
	'payment',
	'creditnote',
	'card',
	'customer',
	'data',
	'payload',
	'event_time',
];

/** A signed JSON object with none of the fields that make a Zoho Billing event. */
const notAZohoEvent: fc.Arbitrary<BadRequest> = fc
	.dictionary(
		fc
			.string({ minLength: 1, maxLength: 20 })
			.filter((key) => !ZOHO_KEYS.includes(key) && key !== '__proto__'),
		fc.jsonValue({ maxDepth: 2 }),
		{ maxKeys: 8 },
	)
	.map((object) => {
		const body = JSON.stringify(object);
		return signedRequest('not a Zoho event', body, body.slice(0, 60), 400);
	});

/** A genuine signed event with one known field replaced by a value of the wrong JSON type. */
const wrongFieldType: fc.Arbitrary<BadRequest> = fc
	.tuple(
		fixtureBody,
		fc.constantFrom('event_type', 'event_id', 'event_time', 'data', 'resource object'),
		fc.oneof(
			fc.array(fc.integer(), { maxLength: 3 }),
			fc.boolean(),
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }),
			fc.string(),
		),
	)
	.filter(([, field, value]) => {
		if (field === 'event_type' || field === 'event_time') return typeof value !== 'string';
		if (field === 'event_id') return typeof value !== 'string' && typeof value !== 'number';
		return typeof value !== 'object' || Array.isArray(value);
	})
	.map(([event, field, value]) => {
		const data = event.data as Record<string, unknown>;
		if (field === 'resource object') {
			const resource = Object.keys(data).find((key) => key !== 'customer') ?? 'subscription';
			data[resource] = value;
		} else {
			event[field] = value;
		}
		return signedRequest(
			'field of the wrong type',
			JSON.stringify(event),
			`${field} = ${JSON.stringify(value).slice(0, 40)}`,
			400,
		);
	});

/** No body (the trigger's 400), or only whitespace, which n8n's JSON parser refuses first (422). */
const emptyBody: fc.Arbitrary<BadRequest> = fc
	.constantFrom('', ' ', '\n\n', '\t')
	.map((body) => signedRequest('empty body', body, JSON.stringify(body), body === '' ? 400 : 422));

/** One to three MB of signed JSON that is not an event (a big array of junk under a foreign key). */
const largeBody: fc.Arbitrary<BadRequest> = fc.integer({ min: 1, max: 3 }).map((megabytes) => {
	const body = JSON.stringify({ blob: 'x'.repeat(megabytes * 1024 * 1024) });
	return signedRequest('large body, not an event', body, `${megabytes} MB`, 400);
});

/**
 * A genuine event padded past n8n's payload limit. n8n stops reading it before any node runs, and
 * n8n 2.40 answers that with 500 "There was a problem executing the workflow" (its body reader's
 * 413 is not passed on), starting no execution. A node cannot change this answer.
 */
const overLimitBody: fc.Arbitrary<BadRequest> = fixtureBody.map((event) => {
	const body = JSON.stringify({ ...event, padding: 'x'.repeat(N8N_DEFAULT_PAYLOAD_LIMIT_BYTES) });
	return signedRequest('body over n8n size limit', body, `${body.length} bytes`, 500);
});

/** Every kind, weighted so that forged signatures (the security-relevant case) are the most common. */
export const badRequest: fc.Arbitrary<BadRequest> = fc.oneof(
	{ arbitrary: forgedSignature, weight: 30 },
	{ arbitrary: malformedJson, weight: 15 },
	{ arbitrary: notAnObject, weight: 8 },
	{ arbitrary: wrongContentType, weight: 12 },
	{ arbitrary: notAZohoEvent, weight: 12 },
	{ arbitrary: wrongFieldType, weight: 15 },
	{ arbitrary: emptyBody, weight: 3 },
	{ arbitrary: largeBody, weight: 4 },
	{ arbitrary: overLimitBody, weight: 1 },
);

function parses(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}
