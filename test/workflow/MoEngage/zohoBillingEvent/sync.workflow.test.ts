/**
 * MoEngage node, Zoho Billing Event > Sync (the preset), inside n8n-core's WorkflowExecute against a
 * MoEngage stand-in that behaves as MoEngage documents, not as the node might assume: events create
 * their user, and a request that timed out may still have been recorded.
 */
import { enrichedInvoiceEvent, normalizedEvent, zohoEvent } from '../../../fixtures';
import { expectedEventAttributes, expectedUserUpdates } from '../../../fixtures/expected-moengage';
import { moEngageCredentials } from '../../../support/credentials';
import { MOENGAGE_NODE as NODE, moEngageNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { MOENGAGE_WORKSPACE_ID } from '../../../support/stand-ins/moengage';
import { moEngageForEachTest } from '../../../support/for-each-test';

const moEngage = moEngageForEachTest();

/** A payment_declined event as the Zoho Billing Trigger outputs it, for a customer of this email. */
function declined(email: string, eventId = '2000000041004') {
	const body = zohoEvent('paymentDeclined');
	body.event_id = eventId;
	body.data.payment.email = email;
	return normalizedEvent(body);
}

/** The preset identifying users by their Zoho email, under Continue On Fail. */
const syncByEmail = (options: Record<string, unknown> = {}) =>
	moEngageNode(
		{
			resource: 'zohoBillingEvent',
			operation: 'sync',
			zohoIdentifier: 'email',
			identifierUse: 'customerId',
			options,
		},
		{ continueOnFail: true },
	);

describe('Zoho Billing Event > Sync (preset)', () => {
	const preset = (options: Record<string, unknown> = {}) =>
		moEngageNode({
			resource: 'zohoBillingEvent',
			operation: 'sync',
			zohoIdentifier: 'email',
			identifierUse: 'customerId',
			options,
		});

	it('turns subscription, invoice and payment events into user attributes and events, in one bulk request', async () => {
		const { output } = await runWorkflow({
			items: [
				normalizedEvent('subscriptionCreated'),
				normalizedEvent('invoiceCreated'),
				normalizedEvent('paymentDeclined'),
			],
			nodes: [preset()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(1);
		expect(
			moEngage.requests[0].body.elements.map((element: { type: string }) => element.type),
		).toEqual(['customer', 'event', 'customer', 'event', 'customer', 'event']);
		expect(moEngage.users).toEqual([
			expectedUserUpdates.subscriptionCreated,
			expectedUserUpdates.invoiceCreated,
			expectedUserUpdates.paymentDeclined,
		]);
		expect(
			moEngage.events.map((event) => [
				event.customer_id,
				event.actions[0].action,
				event.actions[0].current_time,
			]),
		).toEqual([
			['ana.silva@example.com', 'subscription_created', '2026-11-02T19:28:59Z'],
			['ana.silva@example.com', 'invoice_created', '2026-11-02T19:29:03Z'],
			['ana.silva@example.com', 'payment_declined', '2026-11-20T08:00:10Z'],
		]);
		expect(moEngage.events[2].actions[0].attributes).toEqual(
			expectedEventAttributes.paymentDeclined,
		);
		expect(output(NODE).map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('identifies by mobile through identity resolution, with a prefix and without attributes', async () => {
		moEngage.identifiers = ['moe_mobile'];
		await runWorkflow({
			items: [normalizedEvent('subscriptionCreated')],
			nodes: [
				moEngageNode({
					resource: 'zohoBillingEvent',
					operation: 'sync',
					zohoIdentifier: 'mobile',
					identifierUse: 'identityResolution',
					options: { syncAttributes: false, eventNamePrefix: 'zoho_', sendMode: 'perItem' },
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests.map((request) => request.path)).toEqual([
			`/v1/event/${MOENGAGE_WORKSPACE_ID}`,
		]);
		expect(moEngage.events[0]).toMatchObject({
			user_identifiers: { moe_mobile: '+351912345678' },
			actions: [{ action: 'zoho_subscription_created' }],
		});
		expect(moEngage.events[0]).not.toHaveProperty('customer_id');
	});

	it('reports an event without the chosen identifier on its item and syncs the others', async () => {
		const { output } = await runWorkflow({
			items: [
				normalizedEvent('invoiceCreated'),
				normalizedEvent('subscriptionCreated'),
				{ hello: 'not a zoho event' },
			],
			nodes: [
				moEngageNode(
					{
						resource: 'zohoBillingEvent',
						operation: 'sync',
						zohoIdentifier: 'mobile',
						identifierUse: 'customerId',
					},
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const items = output(NODE);
		expect(items[0].json.error).toBe(
			'The Zoho event 2000000041002 has no mobile or phone number (of the customer or of the primary contact person) to identify the MoEngage user',
		);
		expect(items[1].json.status).toBe('accepted');
		expect(items[2].json.error).toContain('The item is not a Zoho Billing event');
		expect(moEngage.users.map((user) => user.customer_id)).toEqual(['+351912345678']);
	});

	it('with Skip Events Without Identifier, outputs such an event as skipped and still fails a non-event', async () => {
		const { output, error } = await runWorkflow({
			items: [
				normalizedEvent('invoiceCreated'),
				normalizedEvent('subscriptionCreated'),
				normalizedEvent('invoiceCreated'),
			],
			nodes: [
				moEngageNode({
					resource: 'zohoBillingEvent',
					operation: 'sync',
					zohoIdentifier: 'mobile',
					identifierUse: 'customerId',
					options: { skipWithoutIdentifier: true },
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)).toBeUndefined();
		expect(
			output(NODE).map((item) => [item.json.status, item.json.reason, item.pairedItem]),
		).toEqual([
			[
				'skipped',
				'The Zoho event 2000000041002 has no mobile or phone number (of the customer or of the primary contact person) to identify the MoEngage user',
				{ item: 0 },
			],
			['accepted', undefined, { item: 1 }],
			['skipped', expect.stringContaining('2000000041002'), { item: 2 }],
		]);
		expect(moEngage.requests).toHaveLength(1);
		expect(moEngage.users.map((user) => user.customer_id)).toEqual(['+351912345678']);

		const notAnEvent = await runWorkflow({
			items: [{ hello: 'not a zoho event' }],
			nodes: [preset({ skipWithoutIdentifier: true })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(notAnEvent.error(NODE)?.message).toContain('The item is not a Zoho Billing event');
	});
});

describe('Zoho Billing Event > Sync, Include Custom Fields', () => {
	const sync = (options: Record<string, unknown>) =>
		moEngageNode(
			{
				resource: 'zohoBillingEvent',
				operation: 'sync',
				zohoIdentifier: 'email',
				identifierUse: 'customerId',
				options,
			},
			{ continueOnFail: true },
		);

	it('sends the custom fields as typed zoho_cf_ attributes, and the payment date from payments[]', async () => {
		await runWorkflow({
			items: [enrichedInvoiceEvent()],
			nodes: [sync({ includeCustomFields: true, trackEvent: false })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const [request] = moEngage.requestsTo(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`);
		expect(request.body.elements[0]).toEqual({
			type: 'customer',
			customer_id: 'ana.silva@example.com',
			attributes: expect.objectContaining({
				zoho_cf_industry: 'Design',
				zoho_cf_seats: 12,
				zoho_cf_onboarded_on: '2026-01-20',
				zoho_cf_newsletter: true,
				zoho_cf_modules: ['Reports', 'Exports'],
				zoho_cf_po_number: 'PO-2026-0042',
				zoho_invoice_payment_date: '2026-11-05',
				zoho_subscription_plan_code: 'PRO-M',
			}),
		});
	});

	it('sends no custom fields without the option', async () => {
		await runWorkflow({
			items: [enrichedInvoiceEvent()],
			nodes: [sync({ trackEvent: false })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const attributes = moEngage.users[0].attributes as Record<string, unknown>;
		expect(Object.keys(attributes).filter((key) => key.startsWith('zoho_cf_'))).toEqual([]);
	});

	it('cuts a custom field longer than MoEngage keeps to its 512 characters, saying so on the item', async () => {
		const tooLong = [{ api_name: 'cf_notes', data_type: 'string', value: 'x'.repeat(600) }];
		const { output, run } = await runWorkflow({
			items: [enrichedInvoiceEvent({ custom_fields: tooLong }), enrichedInvoiceEvent()],
			nodes: [sync({ includeCustomFields: true })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const [cut, synced] = output(NODE);
		expect(cut.json).toMatchObject({
			status: 'accepted',
			warnings: [
				'Zoho custom fields: value of "zoho_cf_notes" (600 characters) was cut to the 512 MoEngage keeps',
			],
		});
		expect(synced.json.warnings).toBeUndefined();
		expect((moEngage.users[0].attributes as Record<string, unknown>).zoho_cf_notes).toBe(
			'x'.repeat(512),
		);
		expect(run.data.resultData.runData[NODE][0].hints?.[0].message).toContain(
			'1 item(s) held names or values longer than MoEngage keeps',
		);
	});

	it('with Over-Long Values "Fail the Item", fails such an item naming the field, and syncs the rest', async () => {
		const tooLong = [{ api_name: 'cf_notes', data_type: 'string', value: 'x'.repeat(600) }];
		const { output } = await runWorkflow({
			items: [enrichedInvoiceEvent({ custom_fields: tooLong }), enrichedInvoiceEvent()],
			nodes: [sync({ includeCustomFields: true, overLongValues: 'fail' })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const [failed, synced] = output(NODE);
		expect(failed.json.error).toBe(
			'Zoho custom fields: value of "zoho_cf_notes" is 600 characters long; MoEngage keeps at most 512',
		);
		expect(synced.json.status).toBe('accepted');
		expect(moEngage.users).toHaveLength(1);
	});
});

describe('Update Existing Users Only', () => {
	it('creates no user: the event, which would create one, is not sent', async () => {
		moEngage.profiles.set('known@example.com', { email: 'known@example.com' });
		const { output } = await runWorkflow({
			items: [declined('new@example.com'), declined('known@example.com', '2000000041005')],
			nodes: [syncByEmail({ updateExistingOnly: true })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE).map((item) => item.json.status)).toEqual(['accepted', 'accepted']);
		expect(moEngage.profiles.has('new@example.com')).toBe(false);
		expect(moEngage.profiles.get('known@example.com')).toMatchObject({
			zoho_last_payment_status: 'failure',
		});
		expect(moEngage.events).toEqual([]);
		expect(moEngage.users.every((user) => user.update_existing_only === true)).toBe(true);
	});

	it('without it, the event is sent and creates the user as MoEngage does', async () => {
		await runWorkflow({
			items: [declined('new@example.com')],
			nodes: [syncByEmail()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.events).toHaveLength(1);
		expect(moEngage.profiles.has('new@example.com')).toBe(true);
	});
});

describe('no duplicate events from retries', () => {
	it('does not send again a bulk request with an event that timed out; resends its user update alone', async () => {
		// MoEngage processes the request, but its answer comes after the node's timeout.
		moEngage.failNext({
			status: 200,
			body: { status: 'success', message: 'late' },
			delayMs: 3000,
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [syncByEmail({ timeout: 1000 })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const [item] = output(NODE);
		expect(item.json.error).toBe('MoEngage Error: no answer');
		expect(item.json.description).toContain(
			'not sent again: MoEngage may already have recorded its events',
		);
		expect(item.json.description).toContain(
			'The user updates of these items were sent again on their own and accepted.',
		);
		const requests = moEngage.requestsTo('/v1/transition/');
		expect(
			requests.map((request) => request.body.elements.map((e: { type: string }) => e.type)),
		).toEqual([['customer', 'event'], ['customer']]);
	});

	it.each([
		[
			'a 500',
			{
				status: 500,
				body: { status: 'fail', error: { type: 'ServerError', message: 'Internal Server Error' } },
			},
		],
		['a 502', { status: 502, body: 'Bad Gateway' }],
	])('does not repeat an event request answered with %s', async (_case, reply) => {
		moEngage.failNext({ ...reply, times: 1, pathPrefix: '/v1/event/' });
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [syncByEmail({ sendMode: 'perItem', syncAttributes: false })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE)[0].json.description).toContain('not sent again');
		expect(moEngage.requestsTo('/v1/event/')).toHaveLength(1);
	});

	it.each([
		[
			'a 429 (MoEngage’s rate limit)',
			{
				status: 429,
				headers: { 'x-ratelimit-reset': '1' },
				body: { status: 'fail', error: { type: 'RateLimitError', message: 'Rate limit exceeded' } },
			},
		],
		[
			'a 503 (unavailable)',
			{
				status: 503,
				headers: { 'retry-after': '1' },
				body: { status: 'fail', error: { type: 'ServiceUnavailable', message: 'Unavailable' } },
			},
		],
	])(
		'sends an event request again after %s, which MoEngage did not process',
		async (_case, reply) => {
			moEngage.failNext({ ...reply, times: 1, pathPrefix: '/v1/event/' });
			const { output } = await runWorkflow({
				items: [declined('ana@example.com')],
				nodes: [syncByEmail({ sendMode: 'perItem', syncAttributes: false })],
				credentials: moEngageCredentials(moEngage.baseUrl),
			});
			expect(output(NODE)[0].json.status).toBe('success');
			expect(moEngage.requestsTo('/v1/event/')).toHaveLength(2);
			expect(moEngage.events).toHaveLength(1);
		},
	);

	it('still retries user updates on a timeout or a 500: a repeat cannot harm them', async () => {
		moEngage.failNext({
			status: 500,
			body: { status: 'fail', error: { type: 'ServerError', message: 'Internal Server Error' } },
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [syncByEmail({ trackEvent: false })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE)[0].json.status).toBe('accepted');
		expect(moEngage.requestsTo('/v1/transition/')).toHaveLength(2);
	});
});
