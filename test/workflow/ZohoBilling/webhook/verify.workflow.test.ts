/**
 * Zoho Billing node, Webhook > Verify, inside n8n-core's WorkflowExecute: the items are what n8n's
 * Webhook node outputs with Options > Raw Body on (headers, query, the parsed body, and the raw bytes
 * in binary field "data"), and the node checks Zoho's signature on those bytes.
 */
import { normalizedEvent, zohoEvent } from '../../../fixtures';
import { webhookCredentials } from '../../../support/credentials';
import { PACKAGE, runWorkflow, withBinary } from '../../../support/run-workflow';
import { WEBHOOK_SECRET, signZohoWebhook } from '../../../support/zoho-webhook-signer';

const NODE = 'Verify Zoho webhook';
const credentials = webhookCredentials();

/** What n8n's Webhook node (v2, Raw Body on) outputs for one POST. */
function webhookNodeItem(
	raw: string,
	headers: Record<string, string>,
	query: Record<string, unknown> = {},
	binaryField = 'data',
) {
	return withBinary(
		{
			headers: { 'host': '127.0.0.1:5678', 'content-type': 'application/json', ...headers },
			params: {},
			query: query as never,
			body: {},
			webhookUrl: 'http://127.0.0.1:5678/webhook/zoho',
			executionMode: 'production',
		},
		{
			[binaryField]: {
				data: Buffer.from(raw).toString('base64'),
				mimeType: headers['content-type'] ?? 'application/json',
			},
		},
	);
}

const signedItem = (body: object) => {
	const raw = JSON.stringify(body);
	return webhookNodeItem(raw, { 'x-zoho-webhook-signature': signZohoWebhook(raw) });
};

async function verify(items: object[], parameters = {}, settings = {}) {
	return await runWorkflow({
		items,
		nodes: [
			{
				name: NODE,
				type: `${PACKAGE}.zohoBilling`,
				parameters: { resource: 'webhook', operation: 'verify', ...parameters },
				credentials: { zohoBillingWebhookApi: { id: '1', name: 'Zoho Billing webhook' } },
				...settings,
			},
		],
		credentials,
	});
}

describe('Zoho Billing node: Webhook > Verify', () => {
	it('passes a signed custom JSON body on as sent, with its event type and ID', async () => {
		const raw =
			'{"type":"payment_declined","ref":135953000000262460,"email":"ana.silva@example.com"}';
		const { output, error } = await verify(
			[webhookNodeItem(raw, { 'x-zoho-webhook-signature': signZohoWebhook(raw) })],
			{ payloadFormat: 'custom', eventTypeField: 'type', eventIdField: 'ref' },
		);
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE)[0].json).toEqual({
			type: 'payment_declined',
			ref: '135953000000262460',
			email: 'ana.silva@example.com',
			event_type: 'payment_declined',
			event_id: '135953000000262460',
		});
	});

	it('outputs the same normalized event as the trigger, one per item, paired', async () => {
		const events = [zohoEvent('subscriptionCreated'), zohoEvent('paymentDeclined')];
		const { output, error } = await verify(events.map(signedItem));
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE).map((item) => item.json)).toEqual(events.map(normalizedEvent));
		expect(output(NODE).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// Nothing of the credential reaches the output.
		expect(JSON.stringify(output(NODE))).not.toContain(WEBHOOK_SECRET);
	});

	it('signs the query parameters too, and reads header names in any case', async () => {
		const raw = JSON.stringify(zohoEvent('invoiceCreated'));
		const { output, error } = await verify([
			webhookNodeItem(
				raw,
				{ 'X-Zoho-Webhook-Signature': signZohoWebhook(`accounteusourcezoho${raw}`) },
				{ source: 'zoho', account: 'eu' },
			),
		]);
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE)[0].json.resource).toBe('invoice');
	});

	it('verifies a form-urlencoded body and parses its JSON payload field', async () => {
		const payload = JSON.stringify(zohoEvent('paymentDeclined'));
		const form = new URLSearchParams({ event_type: 'payment_declined', payload }).toString();
		const { output } = await verify([
			webhookNodeItem(form, {
				'content-type': 'application/x-www-form-urlencoded',
				'x-zoho-webhook-signature': signZohoWebhook(`event_typepayment_declinedpayload${payload}`),
			}),
		]);
		expect(output(NODE)[0].json).toMatchObject({ event_type: 'payment_declined' });
	});

	it('stops at a forged request with the item index and why, never echoing the secret', async () => {
		const good = signedItem(zohoEvent('subscriptionCreated'));
		const forged = webhookNodeItem(JSON.stringify(zohoEvent('subscriptionCreated')), {
			'x-zoho-webhook-signature': signZohoWebhook('{}', 'anotherSecret2026x'),
		});
		const { error, output } = await verify([good, forged]);
		expect(output(NODE)).toEqual([]);
		expect(error(NODE)?.message).toBe('Missing or invalid X-Zoho-Webhook-Signature');
		expect(error(NODE)).toMatchObject({
			context: { itemIndex: 1 },
			description: expect.stringContaining('Secret Token'),
		});
		expect(JSON.stringify(error(NODE))).not.toContain(WEBHOOK_SECRET);
	});

	it('with Continue On Fail, outputs the forged request as an error item paired to its input', async () => {
		const good = signedItem(zohoEvent('subscriptionCreated'));
		const unsigned = webhookNodeItem(JSON.stringify(zohoEvent('subscriptionCreated')), {});
		const { output } = await verify([unsigned, good], {}, { continueOnFail: true });
		expect(
			output(NODE).map((item) => [item.json.error ?? item.json.event_type, item.pairedItem]),
		).toEqual([
			['Missing or invalid X-Zoho-Webhook-Signature', { item: 0 }],
			['subscription_created', { item: 1 }],
		]);
	});

	it('with On Error "Continue (using error output)", sends the forged request to the error output', async () => {
		const good = signedItem(zohoEvent('subscriptionCreated'));
		const forged = webhookNodeItem(JSON.stringify(zohoEvent('invoiceCreated')), {
			'x-zoho-webhook-signature': signZohoWebhook('{}'),
		});
		const { run } = await verify([forged, good], {}, { onError: 'continueErrorOutput' });
		const [accepted, refused] = run.data.resultData.runData[NODE][0].data?.main ?? [];
		expect(accepted?.map((item) => [item.json.event_type, item.pairedItem])).toEqual([
			['subscription_created', { item: 1 }],
		]);
		expect(refused?.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Missing or invalid X-Zoho-Webhook-Signature', { item: 0 }],
		]);
	});

	it('names the binary field and the Raw Body option when the raw body is missing', async () => {
		const item = signedItem(zohoEvent('subscriptionCreated'));
		const { error } = await verify([item], { binaryPropertyName: 'body' });
		expect(error(NODE)?.message).toBe('No raw body in the input binary field "body"');
		expect((error(NODE) as { description?: string }).description).toContain('Raw Body');

		const elsewhere = webhookNodeItem(
			JSON.stringify(zohoEvent('invoiceCreated')),
			{ 'x-zoho-webhook-signature': signZohoWebhook(JSON.stringify(zohoEvent('invoiceCreated'))) },
			{},
			'raw',
		);
		const { output } = await verify([elsewhere], { binaryPropertyName: 'raw' });
		expect(output(NODE)[0].json.resource).toBe('invoice');
	});

	it('refuses a signed body that is not a Zoho Billing event, and a query that is not text', async () => {
		const raw = '{"hello":1}';
		const notAnEvent = await verify([
			webhookNodeItem(raw, { 'x-zoho-webhook-signature': signZohoWebhook(raw) }),
		]);
		expect(notAnEvent.error(NODE)?.message).toMatch(/event/i);

		const event = JSON.stringify(zohoEvent('invoiceCreated'));
		const nested = await verify([
			webhookNodeItem(
				event,
				{ 'x-zoho-webhook-signature': signZohoWebhook(event) },
				{ a: { b: '1' } },
			),
		]);
		expect(nested.error(NODE)?.message).toBe(
			'The input field "query" must hold the request\'s query parameters as text values',
		);
	});
});
