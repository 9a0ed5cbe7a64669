import {
	INVALID_SIGNATURE_MESSAGE,
	acceptZohoWebhook,
	type ZohoWebhookRequest,
} from '../../lib/zoho/webhook-request';

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
