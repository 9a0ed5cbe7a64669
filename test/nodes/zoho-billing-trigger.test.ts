import { ZohoBillingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { zohoEvent } from '../fixtures';
import { webhookCredentials } from '../support/credentials';
import { deliverWebhook, runLifecycle } from '../support/deliver-webhook';
import { WEBHOOK_SECRET, signZohoWebhook } from '../support/zoho-webhook-signer';

const credentials = webhookCredentials();
const signed = { authentication: 'secretToken', events: ['*'] };
const JSON_HEADERS = { 'content-type': 'application/json' };

function jsonDelivery(body: Record<string, unknown>, parameters: Record<string, unknown> = signed) {
	const raw = JSON.stringify(body);
	return {
		parameters,
		credentials,
		body: raw,
		headers: { ...JSON_HEADERS, 'X-Zoho-Webhook-Signature': signZohoWebhook(raw) },
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
		const base64 = signZohoWebhook(raw, WEBHOOK_SECRET, 'base64');
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
				'x-zoho-webhook-signature': signZohoWebhook(`accounteusourcezoho${raw}`),
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
				'x-zoho-webhook-signature': signZohoWebhook(`event_typepayment_declinedpayload${payload}`),
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
		[
			'a wrong signature',
			() => ({ 'x-zoho-webhook-signature': signZohoWebhook('something else') }),
		],
		[
			'a signature made with another secret',
			(raw: string) => ({
				'x-zoho-webhook-signature': signZohoWebhook(raw, 'exampleOtherSecret1'),
			}),
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
			credentials: webhookCredentials('short'),
			body: raw,
			headers: { ...JSON_HEADERS, 'x-zoho-webhook-signature': signZohoWebhook(raw, 'short') },
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

	it('refuses with 400 a default-payload body without an event type when Events names types', async () => {
		// A module-style body (Books-style, UNCONFIRMED for Billing) carries no event_type: the filter
		// cannot decide, so it is refused visibly instead of acknowledged and lost.
		const untyped = { invoice: zohoEvent('invoiceCreated').data.invoice };
		const filtered = await deliverWebhook(
			jsonDelivery(untyped, { ...signed, events: ['invoice_created'] }),
		);
		expect(filtered.response).toEqual(
			expect.objectContaining({
				statusCode: 400,
				body: {
					code: 400,
					message: expect.stringContaining('has no event type at "event_type"'),
				},
			}),
		);
		expect(filtered.result).toEqual({ noWebhookResponse: true });
		const all = await deliverWebhook(jsonDelivery(untyped, { ...signed, events: ['*'] }));
		expect(all.result.workflowData?.[0][0].json).toMatchObject({
			event_type: null,
			resource: 'invoice',
		});
	});

	describe('Payload: Custom JSON', () => {
		const custom = { ...signed, payloadFormat: 'custom' };
		const body = {
			kind: 'billing',
			event: { type: 'payment_declined', id: 135953000000262460 },
			customer_email: 'ana.silva@example.com',
			amount: '49.50',
		};
		// The body's own text: its numeric ID must survive exactly, so it is not built with JSON.stringify.
		const raw =
			'{"kind":"billing","event":{"type":"payment_declined","id":135953000000262460},' +
			'"customer_email":"ana.silva@example.com","amount":"49.50"}';
		const deliver = (text: string, parameters: Record<string, unknown>) =>
			deliverWebhook({
				parameters,
				credentials,
				body: text,
				headers: { ...JSON_HEADERS, 'x-zoho-webhook-signature': signZohoWebhook(text) },
			});

		it('passes the body on as sent, with event_type and event_id read from the named fields', async () => {
			const { response, result } = await deliver(raw, {
				...custom,
				eventTypeField: 'event.type',
				eventIdField: 'event.id',
				events: ['payment_declined'],
			});
			expect(response.ended).toBe(false);
			expect(result.workflowData).toEqual([
				[
					{
						json: {
							...body,
							event: { type: 'payment_declined', id: '135953000000262460' },
							event_type: 'payment_declined',
							event_id: '135953000000262460',
						},
					},
				],
			]);
		});

		it('reads event_type and event_id by default, and filters on them like the default payload', async () => {
			const text = '{"event_type":"invoice_created","event_id":"77","invoice_number":"INV-9"}';
			const passed = await deliver(text, { ...custom, events: ['invoice_created'] });
			expect(passed.result.workflowData?.[0][0].json).toEqual({
				event_type: 'invoice_created',
				event_id: '77',
				invoice_number: 'INV-9',
			});
			const ignored = await deliver(text, { ...custom, events: ['payment_declined'] });
			expect(ignored.result).toEqual({
				webhookResponse: { code: 0, message: 'Event ignored by filter' },
			});
		});

		it('refuses with 400 a body without the event type when Events names types, passes it under All Events', async () => {
			const text = '{"invoice_number":"INV-9"}';
			const refused = await deliver(text, {
				...custom,
				eventTypeField: 'event.type',
				events: ['invoice_created'],
			});
			expect(refused.response.statusCode).toBe(400);
			expect((refused.response.body as { message: string }).message).toBe(
				'The webhook body has no event type at "event.type", so the Events filter cannot tell whether this workflow wants it: put the event type into the payload in Zoho, or set Events to All Events',
			);
			const passed = await deliver(text, { ...custom, events: ['*'] });
			expect(passed.result.workflowData?.[0][0].json).toEqual({
				invoice_number: 'INV-9',
				event_type: null,
				event_id: null,
			});
		});

		it('checks the signature the same way, and refuses a field holding no text', async () => {
			const forged = await deliverWebhook({
				parameters: custom,
				credentials,
				body: raw,
				headers: { ...JSON_HEADERS, 'x-zoho-webhook-signature': signZohoWebhook('other') },
			});
			expect(forged.response.statusCode).toBe(401);
			const wrongField = await deliver(raw, { ...custom, eventTypeField: 'event' });
			expect(wrongField.response.statusCode).toBe(400);
			expect((wrongField.response.body as { message: string }).message).toBe(
				'The field "event" named as the event type field must hold text, got an object',
			);
			const notAnObject = await deliver('[1,2]', custom);
			expect(notAnObject.response.statusCode).toBe(400);
		});
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
		expect(JSON.stringify([rejected.response.body, accepted.result])).not.toContain(WEBHOOK_SECRET);
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
			runLifecycle('create', signed, webhookCredentials('has-dashes-not-ok')),
		).rejects.toThrow(
			'The Secret Token of the Zoho Billing Webhook API credential must be 12 to 50 letters and digits, as Zoho requires',
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
		expect(await run(WEBHOOK_SECRET)).toEqual({
			status: 'OK',
			message: 'The secret token has the form Zoho requires',
		});
		expect(await run('tooShort')).toEqual({
			status: 'Error',
			message:
				'The Secret Token of the Zoho Billing Webhook API credential must be 12 to 50 letters and digits, as Zoho requires',
		});
	});
});
