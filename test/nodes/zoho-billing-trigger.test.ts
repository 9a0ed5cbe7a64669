import { createHmac } from 'crypto';

import { ZohoBillingTrigger } from '../../nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { zohoEvent } from '../fixtures';
import { deliverWebhook, runLifecycle } from '../harness/deliver-webhook';

const SECRET = 'exampleZohoSecret2026';
const credentials = { zohoBillingWebhookApi: { secretToken: SECRET } };
const signed = { authentication: 'secretToken', events: ['*'] };
const JSON_HEADERS = { 'content-type': 'application/json' };

function hmacHex(text: string, secret = SECRET) {
	return createHmac('sha256', secret).update(text).digest('hex');
}

function jsonDelivery(body: Record<string, unknown>, parameters: Record<string, unknown> = signed) {
	const raw = JSON.stringify(body);
	return {
		parameters,
		credentials,
		body: raw,
		headers: { ...JSON_HEADERS, 'X-Zoho-Webhook-Signature': hmacHex(raw) },
	};
}

describe('Zoho Billing Trigger webhook', () => {
	it('starts the workflow with the original event plus a normalized top level', async () => {
		const event = zohoEvent('subscriptionCreated');
		const { response, result } = await deliverWebhook(jsonDelivery(event));
		expect(response.ended).toBe(false); // n8n answers 200 itself (responseMode onReceived)
		expect(result.workflowData).toEqual([
			[
				{
					json: {
						...event,
						event_id: '2000000041001',
						event_type: 'subscription_created',
						event_time: '2026-11-02T15:28:59-0400',
						resource: 'subscription',
						// The subscription's custom fields (none here) also keyed by API name.
						subscription: { ...event.data.subscription, custom_fields_by_api_name: {} },
						customer: event.data.subscription.customer,
					},
				},
			],
		]);
		// The body of n8n's 200 (the webhook description's responseData is empty, so n8n sends this).
		expect(result.webhookResponse).toEqual({ code: 0, message: 'Event received' });
	});

	it('accepts a base64 signature and one computed over query parameters too', async () => {
		const raw = JSON.stringify(zohoEvent('invoiceCreated'));
		const base64 = createHmac('sha256', SECRET).update(raw).digest('base64');
		const ok = await deliverWebhook({
			parameters: signed,
			credentials,
			body: raw,
			headers: { ...JSON_HEADERS, 'x-zoho-webhook-signature': base64 },
		});
		expect(ok.result.workflowData?.[0][0].json.resource).toBe('invoice');

		const withQuery = await deliverWebhook({
			parameters: signed,
			credentials,
			url: '/webhook/abc/webhook?source=zoho&account=eu',
			body: raw,
			headers: {
				...JSON_HEADERS,
				'x-zoho-webhook-signature': hmacHex(`accounteusourcezoho${raw}`),
			},
		});
		expect(withQuery.result.workflowData).toHaveLength(1);
	});

	it('accepts a signed form-urlencoded body and parses a payload field holding JSON', async () => {
		const payload = JSON.stringify(zohoEvent('paymentDeclined'));
		const form = new URLSearchParams({ event_type: 'payment_declined', payload }).toString();
		const { result } = await deliverWebhook({
			parameters: signed,
			credentials,
			body: form,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'x-zoho-webhook-signature': hmacHex(`event_typepayment_declinedpayload${payload}`),
			},
		});
		const json = result.workflowData?.[0][0].json;
		expect(json).toMatchObject({
			event_type: 'payment_declined',
			resource: 'payment',
			payment: { status: 'failure' },
		});
	});

	it.each([
		['no signature', (): Record<string, string> => ({})],
		['a wrong signature', () => ({ 'x-zoho-webhook-signature': hmacHex('something else') })],
		[
			'a signature made with another secret',
			(raw: string) => ({ 'x-zoho-webhook-signature': hmacHex(raw, 'exampleOtherSecret1') }),
		],
		['an empty signature', () => ({ 'x-zoho-webhook-signature': '' })],
	])('answers 401 to %s and starts nothing', async (_case, signatureHeaders) => {
		const raw = JSON.stringify(zohoEvent('paymentThankyou'));
		const { response, result } = await deliverWebhook({
			parameters: signed,
			credentials,
			body: raw,
			headers: { ...JSON_HEADERS, ...signatureHeaders(raw) },
		});
		expect(response).toEqual(
			expect.objectContaining({
				statusCode: 401,
				ended: true,
				body: { code: 401, message: 'Missing or invalid X-Zoho-Webhook-Signature' },
			}),
		);
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('rejects every request when the stored secret is not a valid Zoho secret', async () => {
		const raw = JSON.stringify(zohoEvent('paymentThankyou'));
		const { response } = await deliverWebhook({
			parameters: signed,
			credentials: { zohoBillingWebhookApi: { secretToken: 'short' } },
			body: raw,
			headers: { ...JSON_HEADERS, 'x-zoho-webhook-signature': hmacHex(raw, 'short') },
		});
		expect(response.statusCode).toBe(401);
	});

	it.each([
		['text/json', 200],
		['application/vnd.zoho+json', 200],
		['text/csv', 415],
	])(
		'reads a body n8n left unread (%s, node version 1.1) and answers it as version 1 does',
		async (type, status) => {
			const { response, result } = await deliverWebhook({
				parameters: { authentication: 'none', events: ['*'] },
				body: JSON.stringify(zohoEvent('invoiceCreated')),
				headers: { 'content-type': type },
				bodyUnread: true,
			});
			expect(response.statusCode).toBe(status);
			expect(result.workflowData?.[0] ?? []).toHaveLength(status === 200 ? 1 : 0);
		},
	);

	it('checks no signature when authentication is None', async () => {
		const { result } = await deliverWebhook({
			parameters: { authentication: 'none', events: ['*'] },
			body: JSON.stringify(zohoEvent('invoiceCreated')),
			headers: JSON_HEADERS,
		});
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it.each([
		[
			'malformed JSON',
			'{"event_type": "invoice_created",',
			JSON_HEADERS,
			400,
			'The request body is not valid JSON',
		],
		['an empty body', '', JSON_HEADERS, 400, 'The request body is empty'],
		[
			'a JSON array',
			'[]',
			JSON_HEADERS,
			400,
			'The request body must be a JSON object, got an array',
		],
		['XML', '<event/>', { 'content-type': 'text/xml' }, 415, 'Unsupported Content-Type "text/xml"'],
		[
			'a payload string that is not JSON',
			'{"event_id":"1","payload":"{not json"}',
			JSON_HEADERS,
			400,
			'The event "payload" is not valid JSON',
		],
		[
			'an object that is no Zoho event',
			'{"hello":"world"}',
			JSON_HEADERS,
			400,
			'This is not a Zoho Billing event',
		],
		[
			'an event with a field of the wrong type',
			'{"event_id":"1","event_type":["invoice_created"]}',
			JSON_HEADERS,
			400,
			'"event_type" must be a string, got an array',
		],
	])(
		'answers %s with a clear 4xx and starts nothing',
		async (_case, body, headers, status, message) => {
			const { response, result } = await deliverWebhook({
				parameters: { authentication: 'none', events: ['*'] },
				body,
				headers,
			});
			expect(response.statusCode).toBe(status);
			expect((response.body as { message: string }).message).toContain(message);
			expect(result).toEqual({ noWebhookResponse: true });
		},
	);

	it.each([
		['malformed JSON', '{"event_type": "invoice_created",', JSON_HEADERS],
		['a payload string that is not JSON', '{"event_id":"1","payload":"{not json"}', JSON_HEADERS],
		['a JSON array', '[]', JSON_HEADERS],
		['a form with no fields', '&&', { 'content-type': 'application/x-www-form-urlencoded' }],
	])(
		'checks the signature before reading anything in the body: unsigned %s gets 401',
		async (_case, body, headers) => {
			const { response } = await deliverWebhook({ parameters: signed, credentials, body, headers });
			expect(response.statusCode).toBe(401);
		},
	);

	it('acknowledges events outside the filter without starting the workflow', async () => {
		const { response, result } = await deliverWebhook(
			jsonDelivery(zohoEvent('invoiceCreated'), { ...signed, events: ['payment_declined'] }),
		);
		expect(result).toEqual({ webhookResponse: { code: 0, message: 'Event ignored by filter' } });
		expect(response.ended).toBe(false);
	});

	it('passes listed types, and unknown future types when "All Events" is chosen', async () => {
		const listed = await deliverWebhook(
			jsonDelivery(zohoEvent('paymentDeclined'), {
				...signed,
				events: ['payment_declined', 'invoice_created'],
			}),
		);
		expect(listed.result.workflowData?.[0]).toHaveLength(1);
		const future = { ...zohoEvent('invoiceCreated'), event_type: 'invoice_voided' };
		const all = await deliverWebhook(jsonDelivery(future, { ...signed, events: ['*'] }));
		expect(all.result.workflowData?.[0][0].json).toMatchObject({
			event_type: 'invoice_voided',
			resource: 'invoice',
		});
		const notListed = await deliverWebhook(
			jsonDelivery(future, { ...signed, events: ['invoice_created'] }),
		);
		expect(notListed.result.workflowData).toBeUndefined();
	});

	it('behaves the same for test deliveries (the Test URL, after Execute step)', async () => {
		const { result } = await deliverWebhook({
			...jsonDelivery(zohoEvent('paymentThankyou')),
			mode: 'manual',
		});
		expect(result.workflowData?.[0][0].json.event_type).toBe('payment_thankyou');
	});

	it('never echoes the secret in what it answers or outputs', async () => {
		const raw = JSON.stringify(zohoEvent('paymentThankyou'));
		const rejected = await deliverWebhook({
			parameters: signed,
			credentials,
			body: raw,
			headers: JSON_HEADERS,
		});
		const accepted = await deliverWebhook(jsonDelivery(zohoEvent('paymentThankyou')));
		expect(JSON.stringify([rejected.response.body, accepted.result])).not.toContain(SECRET);
	});
});

describe('Zoho Billing Trigger lifecycle (Zoho has no webhook API)', () => {
	it('touches nothing remote: reports not registered, creates and deletes locally', async () => {
		expect(await runLifecycle('checkExists', signed, credentials)).toBe(false);
		expect(await runLifecycle('create', signed, credentials)).toBe(true);
		expect(await runLifecycle('delete', signed, credentials)).toBe(true);
		expect(await runLifecycle('create', { authentication: 'none', events: ['*'] })).toBe(true);
	});

	it('refuses to publish with a secret Zoho would not accept', async () => {
		await expect(
			runLifecycle('create', signed, {
				zohoBillingWebhookApi: { secretToken: 'has-dashes-not-ok' },
			}),
		).rejects.toThrow(
			'The Secret Token in the Zoho Billing Webhook API credential must be 12 to 50 letters and digits, as Zoho requires',
		);
	});

	it("offers a credential test that checks the secret's form", async () => {
		const test = new ZohoBillingTrigger().methods.credentialTest.zohoBillingWebhookSecretFormat;
		const run = async (secretToken: string) =>
			await test.call({} as never, {
				id: '1',
				name: 'secret',
				type: 'zohoBillingWebhookApi',
				data: { secretToken },
			});
		expect(await run(SECRET)).toEqual({
			status: 'OK',
			message: 'The secret token has the form Zoho requires',
		});
		expect(await run('tooShort')).toEqual({
			status: 'Error',
			message: 'The secret token must be 12 to 50 letters and digits, as Zoho requires',
		});
	});
});
