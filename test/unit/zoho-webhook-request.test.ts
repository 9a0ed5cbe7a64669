import { readCustomPayload } from '../../lib/zoho/custom-payload';
import { eventFilterVerdict } from '../../lib/zoho/event-types';
import {
	INVALID_SIGNATURE_MESSAGE,
	acceptZohoWebhook,
	type ZohoWebhookRequest,
} from '../../lib/zoho/webhook-request';
import { signZohoWebhook } from '../support/zoho-webhook-signer';

// The KB's worked example (see zoho-webhook-signature.test.ts for where the vectors come from).
const SECRET = 'ZohoSecret12345';
const KB_BODY = '{"created_date":"2019-03-06","event_id":"5675"}';
const KB_QUERY = { subscription_id: '90343', name: 'basic' };
const KB_HEX = '835d4e296416bfd9e35cb06a32e53ac574fa083443f7e2d4fc8371b92653ecfa';
const JSON_ONLY_BODY =
	'{"event_id":"2000000012345","event_type":"payment_thankyou","data":{"payment":{"amount":49.5}}}';
const JSON_ONLY_HEX = '88085c212864df442a6e07a9bd2026576a24dd1046fa1528473a202c4c5e6984';

const request = (overrides: Partial<ZohoWebhookRequest> = {}): ZohoWebhookRequest => ({
	rawBody: Buffer.from(JSON_ONLY_BODY),
	contentType: 'application/json',
	signature: JSON_ONLY_HEX,
	query: {},
	...overrides,
});

describe('acceptZohoWebhook', () => {
	it('outputs the normalized event of a correctly signed request', () => {
		expect(acceptZohoWebhook(request(), SECRET)).toEqual({
			ok: true,
			event: {
				event_id: '2000000012345',
				event_type: 'payment_thankyou',
				event_time: null,
				resource: 'payment',
				data: { payment: { amount: 49.5 } },
				payment: { amount: 49.5 },
			},
		});
	});

	it('signs the query parameters too, and takes the first of a repeated signature header', () => {
		const accepted = acceptZohoWebhook(
			request({ rawBody: KB_BODY, query: KB_QUERY, signature: [KB_HEX, 'forged'] }),
			SECRET,
		);
		expect(accepted.ok && accepted.event.event_id).toBe('5675');
		expect(acceptZohoWebhook(request({ rawBody: KB_BODY, signature: KB_HEX }), SECRET)).toEqual({
			ok: false,
			status: 401,
			message: INVALID_SIGNATURE_MESSAGE,
		});
	});

	it('refuses a missing or wrong signature, and any signature under a secret Zoho would refuse', () => {
		const refused = { ok: false, status: 401, message: INVALID_SIGNATURE_MESSAGE };
		expect(acceptZohoWebhook(request({ signature: undefined }), SECRET)).toEqual(refused);
		expect(
			acceptZohoWebhook(request({ signature: JSON_ONLY_HEX.replace(/^8/, '9') }), SECRET),
		).toEqual(refused);
		expect(acceptZohoWebhook(request(), 'short')).toEqual(refused);
		expect(acceptZohoWebhook(request(), '')).toEqual(refused);
	});

	it('checks the signature before the body is parsed: an unsigned bad body is 401, or 400 when unsigned is allowed', () => {
		expect(
			acceptZohoWebhook(request({ rawBody: '{"a":', signature: undefined }), SECRET),
		).toMatchObject({
			status: 401,
		});
		expect(
			acceptZohoWebhook(request({ rawBody: '{"a":', signature: undefined }), null),
		).toMatchObject({
			status: 400,
			message: expect.stringContaining('not valid JSON'),
		});
	});

	it('refuses what cannot be a Zoho Billing event, with the reason', () => {
		expect(acceptZohoWebhook(request({ rawBody: '{"hello":1}' }), null)).toMatchObject({
			ok: false,
			status: 400,
		});
		expect(acceptZohoWebhook(request({ rawBody: '' }), null)).toMatchObject({
			ok: false,
			status: 400,
			message: expect.stringContaining('empty'),
		});
		expect(acceptZohoWebhook(request({ contentType: 'text/plain' }), null)).toMatchObject({
			ok: false,
			status: 415,
			message: expect.stringContaining('"text/plain"'),
		});
	});

	it('accepts an unsigned request when no secret is required', () => {
		const accepted = acceptZohoWebhook(request({ signature: undefined }), null);
		expect(accepted.ok && accepted.event.resource).toBe('payment');
	});
});

describe('custom JSON payloads', () => {
	const custom = { kind: 'custom', eventTypeField: 'meta.type', eventIdField: 'meta.id' } as const;
	const body = '{"meta":{"type":"invoice_created","id":135953000000262460},"total":5}';
	const signedCustom = (text: string) =>
		request({
			rawBody: text,
			signature: signZohoWebhook(text, SECRET),
		});

	it('are verified, then passed on as sent with the named event type and ID at the top', () => {
		expect(acceptZohoWebhook(signedCustom(body), SECRET, custom)).toEqual({
			ok: true,
			event: {
				meta: { type: 'invoice_created', id: '135953000000262460' },
				total: 5,
				event_type: 'invoice_created',
				event_id: '135953000000262460',
			},
		});
		expect(acceptZohoWebhook(request({ rawBody: body }), SECRET, custom)).toMatchObject({
			status: 401,
		});
	});

	it('leave absent fields null and refuse fields that hold no text', () => {
		expect(readCustomPayload({ total: 5 }, custom)).toEqual({
			ok: true,
			event: { total: 5, event_type: null, event_id: null },
		});
		expect(readCustomPayload({ meta: { type: ['x'] } }, custom)).toEqual({
			ok: false,
			message: 'The field "meta.type" named as the event type field must hold text, got an array',
		});
	});
});

describe('eventFilterVerdict', () => {
	it('matches everything under All Events, refuses untyped events under a named filter', () => {
		expect(eventFilterVerdict(null, ['*'])).toBe('match');
		expect(eventFilterVerdict(undefined, [])).toBe('match');
		expect(eventFilterVerdict('invoice_created', ['invoice_created'])).toBe('match');
		expect(eventFilterVerdict('payment_declined', ['invoice_created'])).toBe('other');
		expect(eventFilterVerdict(null, ['invoice_created'])).toBe('untyped');
		expect(eventFilterVerdict('', ['invoice_created'])).toBe('untyped');
	});
});
