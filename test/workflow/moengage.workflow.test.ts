import nock from 'nock';

import { normalizeZohoEvent } from '../../lib/zoho/normalize-event';
import { zohoEvent, zohoRecord, type ZohoEventName } from '../fixtures';
import { expectedEventAttributes, expectedUserUpdates } from '../fixtures/expected-moengage';
import { moEngageCredentials } from '../support/credentials';
import { PACKAGE, runWorkflow } from '../support/run-workflow';
import {
	MOENGAGE_API_KEY,
	MOENGAGE_WORKSPACE_ID,
	MoEngageStandIn,
} from '../support/stand-ins/moengage';

const NODE = 'MoEngage';
const BASIC = `Basic ${Buffer.from(`${MOENGAGE_WORKSPACE_ID}:${MOENGAGE_API_KEY}`).toString('base64')}`;

const credentials = moEngageCredentials;

function moEngageNode(parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
	return {
		name: NODE,
		type: `${PACKAGE}.moEngage`,
		parameters,
		credentials: { moEngageApi: { id: '3', name: 'MoEngage' } },
		...settings,
	};
}

/** What the Zoho Billing Trigger outputs for a fixture. */
function triggerItem(name: ZohoEventName): Record<string, unknown> {
	const result = normalizeZohoEvent(zohoEvent(name));
	if (!result.ok) throw new Error(result.message);
	return result.event;
}

const userParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation: 'createOrUpdate',
	identifyBy: 'customerId',
	customerId: '={{ $json.id }}',
	standardAttributes: { first_name: '={{ $json.first }}', email: '={{ $json.email }}' },
	customAttributesMode: 'keyValue',
	customAttributesUi: { attribute: [{ key: 'plan_tier', value: '={{ $json.tier }}' }] },
	...extra,
});

const people = [
	{ id: 'u-1001', first: 'Ana', email: 'ana@example.com', tier: 'gold' },
	{ id: 'u-1002', first: 'Rui', email: 'rui@example.com', tier: 'silver' },
	{ id: 'u-1003', first: 'Inês', email: 'ines@example.com', tier: 'bronze' },
];

describe('MoEngage node inside n8n-core workflow execution', () => {
	let standIn: MoEngageStandIn;

	beforeEach(async () => {
		standIn = new MoEngageStandIn();
		await standIn.start();
	});
	afterEach(async () => await standIn.stop());

	describe('User > Create or Update', () => {
		it('sends one Track User request per item with Basic auth, MOE-APPKEY and the exact body', async () => {
			const { output } = await runWorkflow({
				items: people.slice(0, 2),
				nodes: [
					moEngageNode(
						userParameters({ options: { sendMode: 'perItem', updateExistingOnly: true } }),
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests.map((request) => [request.method, request.path])).toEqual([
				['POST', `/v1/customer/${MOENGAGE_WORKSPACE_ID}`],
				['POST', `/v1/customer/${MOENGAGE_WORKSPACE_ID}`],
			]);
			const [first] = standIn.requests;
			expect(first.headers).toMatchObject({
				'authorization': BASIC,
				'moe-appkey': MOENGAGE_WORKSPACE_ID,
				'content-type': 'application/json',
			});
			expect(first.body).toEqual({
				type: 'customer',
				customer_id: 'u-1001',
				attributes: { plan_tier: 'gold', first_name: 'Ana', email: 'ana@example.com' },
				update_existing_only: true,
			});
			const items = output(NODE);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(items[1].json).toMatchObject({
				status: 'success',
				delivery: 'perItem',
				requestIds: [expect.stringMatching(/^req/)],
			});
		});

		it('identifies users by email or mobile through identity resolution', async () => {
			standIn.identifiers = ['email', 'moe_mobile', 'u_em'];
			await runWorkflow({
				items: [{ email: 'ana@example.com', mobile: '+351912345678' }],
				nodes: [
					moEngageNode(
						{
							resource: 'user',
							operation: 'createOrUpdate',
							identifyBy: 'email',
							identifierEmail: '={{ $json.email }}',
							options: { sendMode: 'perItem' },
						},
						{ name: 'By Email' },
					),
					moEngageNode(
						{
							resource: 'user',
							operation: 'createOrUpdate',
							identifyBy: 'mobile',
							identifierMobile: '+351912345678',
							options: { sendMode: 'perItem' },
						},
						{ name: 'By Mobile' },
					),
					moEngageNode(
						{
							resource: 'user',
							operation: 'createOrUpdate',
							identifyBy: 'email',
							identifierEmail: 'ana@example.com',
							options: { sendMode: 'perItem', identifierAttribute: 'u_em' },
						},
						{ name: 'By Custom Identifier' },
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests.map((request) => request.body)).toEqual([
				{ type: 'customer', attributes: { email: 'ana@example.com' } },
				{ type: 'customer', attributes: { moe_mobile: '+351912345678' } },
				{ type: 'customer', attributes: { u_em: 'ana@example.com' } },
			]);
		});

		it('takes custom attributes as raw JSON, keeping their types', async () => {
			await runWorkflow({
				items: [{}],
				nodes: [
					moEngageNode({
						resource: 'user',
						operation: 'createOrUpdate',
						identifyBy: 'customerId',
						customerId: 'u-1001',
						standardAttributes: { birthday: '1990-04-12T00:00:00' },
						customAttributesMode: 'json',
						customAttributesJson: '{"seats": 3, "trial": false, "tags": ["b2b", "eu"]}',
						options: { sendMode: 'perItem' },
					}),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests[0].body.attributes).toEqual({
				seats: 3,
				trial: false,
				tags: ['b2b', 'eu'],
				birthday: '1990-04-12',
			});
		});

		it('batches items into one Bulk Import request by default, one output per item', async () => {
			const { output } = await runWorkflow({
				items: people,
				nodes: [moEngageNode(userParameters())],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests).toHaveLength(1);
			const [request] = standIn.requests;
			expect(request.path).toBe(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`);
			expect(request.headers.authorization).toBe(BASIC);
			expect(request.body).toEqual({
				type: 'transition',
				elements: people.map((person) => ({
					type: 'customer',
					customer_id: person.id,
					attributes: { plan_tier: person.tier, first_name: person.first, email: person.email },
				})),
			});
			const items = output(NODE);
			expect(
				items.map((item) => [
					item.pairedItem,
					item.json.delivery,
					item.json.batch,
					item.json.batchItems,
				]),
			).toEqual([
				[{ item: 0 }, 'bulk', 1, 3],
				[{ item: 1 }, 'bulk', 1, 3],
				[{ item: 2 }, 'bulk', 1, 3],
			]);
			expect(items[0].json.batchBytes).toBe(Buffer.byteLength(request.rawBody));
		});

		it('loads the credential once per request: n8n signs with the one the node loaded for the URL', async () => {
			const bulk = await runWorkflow({
				items: people,
				nodes: [moEngageNode(userParameters())],
				credentials: credentials(standIn.baseUrl),
			});
			expect(bulk.credentialsHelper.loads).toEqual({ moEngageApi: 1 });
			const perItem = await runWorkflow({
				items: people,
				nodes: [moEngageNode(userParameters({ options: { sendMode: 'perItem' } }))],
				credentials: credentials(standIn.baseUrl),
			});
			expect(perItem.credentialsHelper.loads).toEqual({ moEngageApi: 3 });
			expect(standIn.requests.map((request) => request.headers.authorization)).toEqual(
				Array(4).fill(BASIC),
			);
		});

		it('keeps Bulk Import bodies at or under 100,000 bytes: exactly at the cap is one request, one byte over is two', async () => {
			// 200 users, each padded so that the whole bulk body is exactly 100,000 bytes.
			const count = 200;
			const element = (i: number, pad: string) =>
				JSON.stringify({ type: 'customer', customer_id: `user-${1000 + i}`, attributes: { pad } });
			const fixed = Array.from({ length: count }, (_, i) =>
				Buffer.byteLength(element(i, '')),
			).reduce((a, b) => a + b, 0);
			const budget = 100_000 - '{"type":"transition","elements":[]}'.length - (count - 1) - fixed;
			const pads = Array.from(
				{ length: count },
				(_, i) => Math.floor(budget / count) + (i < budget % count ? 1 : 0),
			);
			const items = pads.map((pad, i) => ({ id: `user-${1000 + i}`, pad: 'x'.repeat(pad) }));
			const parameters = {
				resource: 'user',
				operation: 'createOrUpdate',
				identifyBy: 'customerId',
				customerId: '={{ $json.id }}',
				customAttributesMode: 'json',
				customAttributesJson: '={{ JSON.stringify({ pad: $json.pad }) }}',
			};

			await runWorkflow({
				items,
				nodes: [moEngageNode(parameters)],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests.map((request) => Buffer.byteLength(request.rawBody))).toEqual([
				100_000,
			]);
			expect(standIn.users).toHaveLength(count);

			standIn.requests.length = 0;
			standIn.users.length = 0;
			items[count - 1].pad += 'x';
			await runWorkflow({
				items,
				nodes: [moEngageNode(parameters)],
				credentials: credentials(standIn.baseUrl),
			});
			const sizes = standIn.requests.map((request) => Buffer.byteLength(request.rawBody));
			expect(sizes).toHaveLength(2);
			expect(Math.max(...sizes)).toBeLessThanOrEqual(100_000);
			expect(standIn.users.map((user) => user.customer_id)).toEqual(items.map((item) => item.id));
		});

		it('refuses bad input per item with errors naming the field, and sends the rest', async () => {
			const { output } = await runWorkflow({
				items: [
					{ id: 'u-1001', attrs: '{"plan":"pro"}' },
					{ id: 'guest', attrs: '{}' },
					{ id: 'u-1003', attrs: '{"moe_plan":"pro"}' },
					{ id: 'u-1004', attrs: '{"id":"x"}' },
					{ id: '', attrs: '{}' },
					{ id: 'u-1006', attrs: '{oops' },
					{ id: 'u-1007', attrs: `{"bio":"${'b'.repeat(600)}"}` },
				],
				nodes: [
					moEngageNode(
						{
							resource: 'user',
							operation: 'createOrUpdate',
							identifyBy: 'customerId',
							customerId: '={{ $json.id }}',
							customAttributesMode: 'json',
							customAttributesJson: '={{ $json.attrs }}',
							options: { overLongValues: 'fail' },
						},
						{ continueOnFail: true },
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			const errors = output(NODE).map((item) => [
				item.pairedItem,
				item.json.error ?? item.json.status,
			]);
			expect(errors).toEqual([
				[{ item: 0 }, 'accepted'],
				[
					{ item: 1 },
					'Identifier "guest" is a placeholder MoEngage refuses as a user ID (such as "guest", "null", "0" or a single character)',
				],
				[
					{ item: 2 },
					'Custom Attributes: "moe_plan" starts with "moe_", which MoEngage reserves for its own attributes',
				],
				[{ item: 3 }, 'Custom Attributes: "id" is not allowed as an attribute name by MoEngage'],
				[{ item: 4 }, 'Identifier is empty: every MoEngage user needs an identifier'],
				[{ item: 5 }, expect.stringContaining('Custom Attributes (JSON) is not valid JSON')],
				[
					{ item: 6 },
					'Custom Attributes: value of "bio" is 600 characters long; MoEngage keeps at most 512',
				],
			]);
			expect(standIn.users.map((user) => user.customer_id)).toEqual(['u-1001']);
		});

		it('stops at the first bad item when Continue On Fail is off, naming the item', async () => {
			const { error } = await runWorkflow({
				items: [{ id: 'u-1001' }, { id: 'null' }],
				nodes: [
					moEngageNode({
						resource: 'user',
						operation: 'createOrUpdate',
						identifyBy: 'customerId',
						customerId: '={{ $json.id }}',
					}),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(error(NODE)?.message).toContain('Identifier "null" is a placeholder');
			expect((error(NODE) as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
			expect(standIn.requests).toHaveLength(0);
		});
	});

	describe('User > Create or Update, Data Mode "Auto-Map Input Fields to Attributes"', () => {
		const autoMap = (extra: Record<string, unknown> = {}) => ({
			resource: 'user',
			operation: 'createOrUpdate',
			dataMode: 'autoMapInputData',
			identifyBy: 'customerId',
			...extra,
		});
		const rows = [
			{ customer_id: 'u-1001', plan_tier: 'gold', seats: 3, trial: false, row_number: 2 },
			{ customer_id: 4711, plan_tier: 'silver', seats: 1, trial: true, row_number: 3 },
		];

		it('sends every input field as an attribute under its own name, the identifier field as customer_id, in one bulk request', async () => {
			const { output } = await runWorkflow({
				items: rows,
				nodes: [
					moEngageNode(
						autoMap({
							fieldsToLeaveOut: 'row_number, not_there',
							options: { updateExistingOnly: true },
						}),
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests).toHaveLength(1);
			expect(standIn.requests[0].body).toEqual({
				type: 'transition',
				elements: [
					{
						type: 'customer',
						customer_id: 'u-1001',
						attributes: { plan_tier: 'gold', seats: 3, trial: false },
						update_existing_only: true,
					},
					{
						type: 'customer',
						customer_id: '4711',
						attributes: { plan_tier: 'silver', seats: 1, trial: true },
						update_existing_only: true,
					},
				],
			});
			expect(output(NODE).map((item) => [item.pairedItem, item.json.status])).toEqual([
				[{ item: 0 }, 'accepted'],
				[{ item: 1 }, 'accepted'],
			]);
		});

		it('reads the identifier from the field named for email identity resolution', async () => {
			standIn.identifiers = ['work_email'];
			await runWorkflow({
				items: [{ mail: 'ana@example.com', plan_tier: 'gold' }],
				nodes: [
					moEngageNode(
						autoMap({
							identifyBy: 'email',
							emailField: 'mail',
							options: { sendMode: 'perItem', identifierAttribute: 'work_email' },
						}),
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests[0].body).toEqual({
				type: 'customer',
				attributes: { plan_tier: 'gold', work_email: 'ana@example.com' },
			});
		});

		it('names the missing identifier field and the bad input field per item, and sends the rest', async () => {
			const { output } = await runWorkflow({
				items: [
					{ customer_id: 'u-1001', plan_tier: 'gold' },
					{ plan_tier: 'silver', email: 'rui@example.com' },
					{ customer_id: 'u-1003', moe_score: 5 },
				],
				nodes: [moEngageNode(autoMap(), { continueOnFail: true })],
				credentials: credentials(standIn.baseUrl),
			});
			expect(
				output(NODE).map((item) => [item.pairedItem, item.json.error ?? item.json.status]),
			).toEqual([
				[{ item: 0 }, 'accepted'],
				[
					{ item: 1 },
					'The input field "customer_id" named in Customer ID Field is missing or empty (the item has "plan_tier", "email")',
				],
				[
					{ item: 2 },
					'Input Fields: "moe_score" starts with "moe_", which MoEngage reserves for its own attributes',
				],
			]);
			expect(standIn.users.map((user) => user.customer_id)).toEqual(['u-1001']);
		});

		it('refuses an "Identify User By" set by expression to an unknown kind, in either data mode, naming the parameter', async () => {
			const identifyBy = '={{ $json.kind }}';
			const items = [
				{ kind: 'customerId', customer_id: 'u-1001', plan_tier: 'gold' },
				{ kind: 'phone', customer_id: 'u-1002', plan_tier: 'gold' },
			];
			for (const parameters of [
				autoMap({ identifyBy }),
				{
					resource: 'user',
					operation: 'createOrUpdate',
					identifyBy,
					customerId: '={{ $json.customer_id }}',
					identifierEmail: 'ana@example.com',
					identifierMobile: '+351912345678',
				},
			]) {
				const usersBefore = standIn.users.length;
				const { output } = await runWorkflow({
					items,
					nodes: [moEngageNode(parameters, { continueOnFail: true })],
					credentials: credentials(standIn.baseUrl),
				});
				expect(
					output(NODE).map((item) => [item.pairedItem, item.json.error ?? item.json.status]),
				).toEqual([
					[{ item: 0 }, 'accepted'],
					[{ item: 1 }, 'Identify User By must be one of customerId, email, mobile, got "phone"'],
				]);
				expect(standIn.users.slice(usersBefore).map((user) => user.customer_id)).toEqual([
					'u-1001',
				]);
			}
		});
	});

	describe('Event > Track', () => {
		it('sends the event with attributes, platform and a UTC time, defaulting to now', async () => {
			const before = Date.now();
			await runWorkflow({
				items: [{ id: 'u-1001' }],
				nodes: [
					moEngageNode({
						resource: 'event',
						operation: 'track',
						identifyBy: 'customerId',
						customerId: '={{ $json.id }}',
						eventName: 'renewal_reminder_sent',
						eventAttributesMode: 'keyValue',
						eventAttributesUi: { attribute: [{ key: 'days_left', value: '3' }] },
						options: { sendMode: 'perItem', platform: 'web' },
					}),
				],
				credentials: credentials(standIn.baseUrl),
			});
			const [request] = standIn.requests;
			expect(request.path).toBe(`/v1/event/${MOENGAGE_WORKSPACE_ID}`);
			expect(request.body).toEqual({
				type: 'event',
				customer_id: 'u-1001',
				actions: [
					{
						action: 'renewal_reminder_sent',
						attributes: { days_left: '3' },
						current_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
						platform: 'web',
					},
				],
			});
			const sent = Date.parse(request.body.actions[0].current_time);
			expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
			expect(sent).toBeLessThanOrEqual(Date.now());
		});

		it('sends a given past time in UTC and refuses a future one', async () => {
			const { output } = await runWorkflow({
				items: [{ at: '2026-11-02T15:28:59-0400' }, { at: '2999-01-01T00:00:00Z' }],
				nodes: [
					moEngageNode(
						{
							resource: 'event',
							operation: 'track',
							identifyBy: 'customerId',
							customerId: 'u-1001',
							eventName: 'plan_viewed',
							options: { time: '={{ $json.at }}' },
						},
						{ continueOnFail: true },
					),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.events.map((event) => event.actions[0].current_time)).toEqual([
				'2026-11-02T19:28:59Z',
			]);
			expect(output(NODE)[1].json.error).toBe(
				'Time 2999-01-01T00:00:00Z is in the future; MoEngage does not accept future events',
			);
		});
	});

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
					triggerItem('subscriptionCreated'),
					triggerItem('invoiceCreated'),
					triggerItem('paymentDeclined'),
				],
				nodes: [preset()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests).toHaveLength(1);
			expect(
				standIn.requests[0].body.elements.map((element: { type: string }) => element.type),
			).toEqual(['customer', 'event', 'customer', 'event', 'customer', 'event']);
			expect(standIn.users).toEqual([
				expectedUserUpdates.subscriptionCreated,
				expectedUserUpdates.invoiceCreated,
				expectedUserUpdates.paymentDeclined,
			]);
			expect(
				standIn.events.map((event) => [
					event.customer_id,
					event.actions[0].action,
					event.actions[0].current_time,
				]),
			).toEqual([
				['ana.silva@example.com', 'subscription_created', '2026-11-02T19:28:59Z'],
				['ana.silva@example.com', 'invoice_created', '2026-11-02T19:29:03Z'],
				['ana.silva@example.com', 'payment_declined', '2026-11-20T08:00:10Z'],
			]);
			expect(standIn.events[2].actions[0].attributes).toEqual(
				expectedEventAttributes.paymentDeclined,
			);
			expect(output(NODE).map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
		});

		it('identifies by mobile through identity resolution, with a prefix and without attributes', async () => {
			standIn.identifiers = ['moe_mobile'];
			await runWorkflow({
				items: [triggerItem('subscriptionCreated')],
				nodes: [
					moEngageNode({
						resource: 'zohoBillingEvent',
						operation: 'sync',
						zohoIdentifier: 'mobile',
						identifierUse: 'identityResolution',
						options: { syncAttributes: false, eventNamePrefix: 'zoho_', sendMode: 'perItem' },
					}),
				],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests.map((request) => request.path)).toEqual([
				`/v1/event/${MOENGAGE_WORKSPACE_ID}`,
			]);
			expect(standIn.events[0]).toMatchObject({
				user_identifiers: { moe_mobile: '+351912345678' },
				actions: [{ action: 'zoho_subscription_created' }],
			});
			expect(standIn.events[0]).not.toHaveProperty('customer_id');
		});

		it('reports an event without the chosen identifier on its item and syncs the others', async () => {
			const { output } = await runWorkflow({
				items: [
					triggerItem('invoiceCreated'),
					triggerItem('subscriptionCreated'),
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
				credentials: credentials(standIn.baseUrl),
			});
			const items = output(NODE);
			expect(items[0].json.error).toBe(
				'The Zoho event 2000000041002 has no mobile or phone number (of the customer or of the primary contact person) to identify the MoEngage user',
			);
			expect(items[1].json.status).toBe('accepted');
			expect(items[2].json.error).toContain('The item is not a Zoho Billing event');
			expect(standIn.users.map((user) => user.customer_id)).toEqual(['+351912345678']);
		});

		it('with Skip Events Without Identifier, outputs such an event as skipped and still fails a non-event', async () => {
			const { output, error } = await runWorkflow({
				items: [
					triggerItem('invoiceCreated'),
					triggerItem('subscriptionCreated'),
					triggerItem('invoiceCreated'),
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
				credentials: credentials(standIn.baseUrl),
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
			expect(standIn.requests).toHaveLength(1);
			expect(standIn.users.map((user) => user.customer_id)).toEqual(['+351912345678']);

			const notAnEvent = await runWorkflow({
				items: [{ hello: 'not a zoho event' }],
				nodes: [preset({ skipWithoutIdentifier: true })],
				credentials: credentials(standIn.baseUrl),
			});
			expect(notAnEvent.error(NODE)?.message).toContain('The item is not a Zoho Billing event');
		});
	});

	describe('Zoho Billing Event > Sync, Include Custom Fields', () => {
		let standIn: MoEngageStandIn;
		beforeEach(async () => {
			standIn = new MoEngageStandIn();
			await standIn.start();
		});
		afterEach(async () => await standIn.stop());

		/** An invoice event with the customer's, the subscription's and the invoice's full records. */
		function enrichedItem(invoiceChanges: Record<string, unknown> = {}) {
			const result = normalizeZohoEvent({
				event_id: '2000000041099',
				event_type: 'invoice_created',
				event_time: '2026-11-05T08:00:00-0400',
				data: {
					invoice: zohoRecord('invoice', invoiceChanges),
					subscription: zohoRecord('subscription'),
					customer: zohoRecord('customer'),
				},
			});
			if (!result.ok) throw new Error(result.message);
			return result.event;
		}
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
				items: [enrichedItem()],
				nodes: [sync({ includeCustomFields: true, trackEvent: false })],
				credentials: credentials(standIn.baseUrl),
			});
			const [request] = standIn.requestsTo(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`);
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
				items: [enrichedItem()],
				nodes: [sync({ trackEvent: false })],
				credentials: credentials(standIn.baseUrl),
			});
			const attributes = standIn.users[0].attributes as Record<string, unknown>;
			expect(Object.keys(attributes).filter((key) => key.startsWith('zoho_cf_'))).toEqual([]);
		});

		it('cuts a custom field longer than MoEngage keeps to its 512 characters, saying so on the item', async () => {
			const tooLong = [{ api_name: 'cf_notes', data_type: 'string', value: 'x'.repeat(600) }];
			const { output, run } = await runWorkflow({
				items: [enrichedItem({ custom_fields: tooLong }), enrichedItem()],
				nodes: [sync({ includeCustomFields: true })],
				credentials: credentials(standIn.baseUrl),
			});
			const [cut, synced] = output(NODE);
			expect(cut.json).toMatchObject({
				status: 'accepted',
				warnings: [
					'Zoho custom fields: value of "zoho_cf_notes" (600 characters) was cut to the 512 MoEngage keeps',
				],
			});
			expect(synced.json.warnings).toBeUndefined();
			expect((standIn.users[0].attributes as Record<string, unknown>).zoho_cf_notes).toBe(
				'x'.repeat(512),
			);
			expect(run.data.resultData.runData[NODE][0].hints?.[0].message).toContain(
				'1 item(s) held names or values longer than MoEngage keeps',
			);
		});

		it('with Over-Long Values "Fail the Item", fails such an item naming the field, and syncs the rest', async () => {
			const tooLong = [{ api_name: 'cf_notes', data_type: 'string', value: 'x'.repeat(600) }];
			const { output } = await runWorkflow({
				items: [enrichedItem({ custom_fields: tooLong }), enrichedItem()],
				nodes: [sync({ includeCustomFields: true, overLongValues: 'fail' })],
				credentials: credentials(standIn.baseUrl),
			});
			const [failed, synced] = output(NODE);
			expect(failed.json.error).toBe(
				'Zoho custom fields: value of "zoho_cf_notes" is 600 characters long; MoEngage keeps at most 512',
			);
			expect(synced.json.status).toBe('accepted');
			expect(standIn.users).toHaveLength(1);
		});
	});

	describe('errors and retries', () => {
		const oneUser = () =>
			moEngageNode({
				resource: 'user',
				operation: 'createOrUpdate',
				identifyBy: 'customerId',
				customerId: 'u-1001',
				options: { sendMode: 'perItem' },
			});

		it('waits for x-ratelimit-reset as seconds-to-wait on 429, then succeeds', async () => {
			standIn.failNext({
				status: 429,
				body: {
					status: 'fail',
					error: { type: 'RateLimitError', message: 'Rate limit exceeded', request_id: 'rl1' },
				},
				headers: {
					'x-ratelimit-limit': '10000',
					'x-ratelimit-remaining': '0',
					'x-ratelimit-reset': '1',
				},
				times: 1,
			});
			const started = Date.now();
			const { output } = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
			expect(standIn.requests).toHaveLength(2);
			expect(output(NODE)[0].json.status).toBe('success');
		});

		it('waits for x-ratelimit-reset as an epoch time on 429', async () => {
			standIn.failNext({
				status: 429,
				body: {
					status: 'fail',
					error: {
						type: 'Rate Limits Exceeded',
						message: 'Rate limits for customers exceeded. Please Try After Some Time',
					},
				},
				headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
				times: 1,
			});
			const started = Date.now();
			await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(Date.now() - started).toBeGreaterThanOrEqual(300);
			expect(standIn.users).toHaveLength(1);
		});

		it("retries 5xx and gives up after the cap with MoEngage's message", async () => {
			standIn.failNext({
				status: 500,
				body: {
					status: 'fail',
					error: { type: 'ServerError', message: 'Internal error', request_id: 'se1' },
				},
				headers: { 'retry-after': '0' },
				times: 50,
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests).toHaveLength(6);
			expect(error(NODE)?.message).toBe('MoEngage ServerError: Internal error');
			expect((error(NODE) as { description?: string }).description).toBe(
				'HTTP 500, request ID se1, gave up after 6 attempts.',
			);
		});

		it('takes the retry cap from Options > Retries', async () => {
			standIn.failNext({
				status: 503,
				body: { status: 'fail', error: { type: 'ServerError', message: 'Unavailable' } },
				headers: { 'retry-after': '0' },
				times: 50,
			});
			const node = moEngageNode({
				resource: 'user',
				operation: 'createOrUpdate',
				identifyBy: 'customerId',
				customerId: 'u-1001',
				options: { maxRetries: 0 },
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [node],
				credentials: credentials(standIn.baseUrl),
			});
			expect(standIn.requests).toHaveLength(1);
			expect(error(NODE)?.message).toBe('MoEngage ServerError: Unavailable');
		});

		it('gives up on an attempt that stalls past Options > Timeout and retries it', async () => {
			standIn.failNext({
				status: 200,
				body: { status: 'success', message: 'late' },
				delayMs: 4000,
				times: 1,
			});
			const node = moEngageNode({
				resource: 'user',
				operation: 'createOrUpdate',
				identifyBy: 'customerId',
				customerId: 'u-1001',
				options: { timeout: 1000 },
			});
			const started = Date.now();
			const { output } = await runWorkflow({
				items: [{}],
				nodes: [node],
				credentials: credentials(standIn.baseUrl),
			});
			expect(Date.now() - started).toBeLessThan(3900);
			expect(standIn.requests).toHaveLength(2);
			expect(standIn.users).toHaveLength(1);
			expect(output(NODE)[0].json).toMatchObject({ status: 'accepted', delivery: 'bulk' });
		});

		it.each([
			[{ maxRetries: 11 }, 'Options > Retries must be a whole number from 0 to 10, got 11'],
			[
				{ maxRetries: '={{ "three" }}' },
				'Options > Retries must be a whole number from 0 to 10, got "three"',
			],
			[{ timeout: 10 }, 'Options > Timeout must be a whole number from 1000 to 3600000, got 10'],
		])('refuses Options %j with an error naming the option', async (options, message) => {
			const node = moEngageNode({
				resource: 'user',
				operation: 'createOrUpdate',
				identifyBy: 'customerId',
				customerId: 'u-1001',
				options,
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [node],
				credentials: credentials(standIn.baseUrl),
			});
			expect(error(NODE)?.message).toBe(message);
			expect(standIn.requests).toHaveLength(0);
		});

		it('fails on a wrong API key (401) without retrying it as a transient error', async () => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl, { apiKey: 'example-wrong-key' }),
			});
			expect(error(NODE)?.message).toBe(
				'MoEngage Authentication required: App Secret key mismatch. Please login to the dashboard to verify key',
			);
			expect((error(NODE) as { httpCode?: string }).httpCode).toBe('401');
			// n8n-core itself repeats a request once after a 401 (its re-authentication step); the node adds no retry.
			expect(standIn.requests).toHaveLength(2);
		});

		it('treats HTTP 200 with status "fail" as an error', async () => {
			standIn.failNext({
				status: 200,
				body: { status: 'fail', error: { type: 'Blacklisted', message: 'Event is blacklisted' } },
				times: 1,
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(error(NODE)?.message).toBe('MoEngage Blacklisted: Event is blacklisted');
		});

		it('passes MoEngage 4xx answers through without retrying', async () => {
			standIn.failNext({
				status: 400,
				body: {
					status: 'fail',
					error: {
						type: 'MissingAttributeError',
						message: 'customer_id is not found in the payload',
						request_id: 'ma1',
					},
				},
				times: 1,
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			expect(error(NODE)?.message).toBe(
				'MoEngage MissingAttributeError: customer_id is not found in the payload',
			);
			expect(standIn.requests).toHaveLength(1);
		});

		it('with Continue On Fail, marks every item of a failed bulk request, paired', async () => {
			standIn.failNext({
				status: 413,
				body: {
					status: 'fail',
					error: { type: 'PayloadTooLarge', message: 'Payload size exceeds 100 KB' },
				},
				times: 1,
			});
			const { output } = await runWorkflow({
				items: people,
				nodes: [moEngageNode(userParameters(), { continueOnFail: true })],
				credentials: credentials(standIn.baseUrl),
			});
			expect(output(NODE).map((item) => [item.pairedItem, item.json.error])).toEqual([
				[{ item: 0 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
				[{ item: 1 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
				[{ item: 2 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
			]);
		});

		it('never puts the Data API key into errors or output', async () => {
			standIn.failNext({
				status: 400,
				body: {
					status: 'fail',
					error: { type: 'InvalidParams', message: 'Given app_id is invalid.' },
				},
				times: 1,
			});
			const failed = await runWorkflow({
				items: [{}],
				nodes: [oneUser()],
				credentials: credentials(standIn.baseUrl),
			});
			const passed = await runWorkflow({
				items: people,
				nodes: [moEngageNode(userParameters())],
				credentials: credentials(standIn.baseUrl),
			});
			const err = failed.error(NODE);
			const serialized = [
				JSON.stringify(failed.run.data.resultData),
				JSON.stringify(err, Object.getOwnPropertyNames(err)),
				JSON.stringify(passed.run.data.resultData),
			].join('');
			expect(serialized).toContain('Given app_id is invalid.');
			expect(serialized).not.toContain(MOENGAGE_API_KEY);
			expect(serialized).not.toContain(BASIC.slice('Basic '.length));
		});
	});
});

describe('MoEngage URLs per data center', () => {
	afterEach(() => nock.cleanAll());

	it.each(['01', '02', '03', '04', '05', '06', '101'])(
		'DC-%s goes to https://api-%s.moengage.com/v1',
		async (dc) => {
			const seen: Array<{ path: string; body: unknown; headers: Record<string, unknown> }> = [];
			nock(`https://api-${dc}.moengage.com`)
				.post(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`)
				.reply(function (path, body) {
					const {
						authorization,
						'moe-appkey': appKey,
						'content-type': contentType,
					} = this.req.headers;
					seen.push({
						path,
						body,
						headers: { authorization, 'moe-appkey': appKey, 'content-type': contentType },
					});
					return [
						200,
						{
							status: 'success',
							message: 'Your request has been accepted and will be processed soon.',
						},
					];
				});
			const { output } = await runWorkflow({
				items: [{ id: 'u-1001' }],
				nodes: [
					moEngageNode({
						resource: 'user',
						operation: 'createOrUpdate',
						identifyBy: 'customerId',
						customerId: '={{ $json.id }}',
					}),
				],
				credentials: moEngageCredentials('', { dataCenter: dc }),
			});
			expect(seen).toEqual([
				{
					path: `/v1/transition/${MOENGAGE_WORKSPACE_ID}`,
					body: {
						type: 'transition',
						elements: [{ type: 'customer', customer_id: 'u-1001', attributes: {} }],
					},
					headers: {
						'authorization': BASIC,
						'moe-appkey': MOENGAGE_WORKSPACE_ID,
						'content-type': 'application/json',
					},
				},
			]);
			expect(output(NODE)[0].json.status).toBe('accepted');
		},
	);
});
