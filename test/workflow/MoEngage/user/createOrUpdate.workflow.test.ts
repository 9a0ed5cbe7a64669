/**
 * MoEngage node, User > Create or Update, inside n8n-core's WorkflowExecute against the MoEngage
 * stand-in: identifiers, attributes entered or auto-mapped, batching, and what Bulk Import's 200 means.
 */
import { people, userParameters } from '../../../fixtures/moengage-users';
import { moEngageCredentials } from '../../../support/credentials';
import { MOENGAGE_NODE as NODE, moEngageNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { MOENGAGE_AUTHORIZATION, MOENGAGE_WORKSPACE_ID } from '../../../support/stand-ins/moengage';
import { moEngageForEachTest } from '../../../support/for-each-test';

const moEngage = moEngageForEachTest();

describe('User > Create or Update', () => {
	it('sends one Track User request per item with Basic auth, MOE-APPKEY and the exact body', async () => {
		const { output } = await runWorkflow({
			items: people.slice(0, 2),
			nodes: [
				moEngageNode(
					userParameters({ options: { sendMode: 'perItem', updateExistingOnly: true } }),
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', `/v1/customer/${MOENGAGE_WORKSPACE_ID}`],
			['POST', `/v1/customer/${MOENGAGE_WORKSPACE_ID}`],
		]);
		const [first] = moEngage.requests;
		expect(first.headers).toMatchObject({
			'authorization': MOENGAGE_AUTHORIZATION,
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
		moEngage.identifiers = ['email', 'moe_mobile', 'u_em'];
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests.map((request) => request.body)).toEqual([
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests[0].body.attributes).toEqual({
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(1);
		const [request] = moEngage.requests;
		expect(request.path).toBe(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`);
		expect(request.headers.authorization).toBe(MOENGAGE_AUTHORIZATION);
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(bulk.credentialsHelper.loads).toEqual({ moEngageApi: 1 });
		const perItem = await runWorkflow({
			items: people,
			nodes: [moEngageNode(userParameters({ options: { sendMode: 'perItem' } }))],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(perItem.credentialsHelper.loads).toEqual({ moEngageApi: 3 });
		expect(moEngage.requests.map((request) => request.headers.authorization)).toEqual(
			Array(4).fill(MOENGAGE_AUTHORIZATION),
		);
	});

	it('keeps Bulk Import bodies at or under 100,000 bytes: exactly at the cap is one request, one byte over is two', async () => {
		// 200 users, each padded so that the whole bulk body is exactly 100,000 bytes.
		const count = 200;
		const element = (i: number, pad: string) =>
			JSON.stringify({ type: 'customer', customer_id: `user-${1000 + i}`, attributes: { pad } });
		const fixed = Array.from({ length: count }, (_, i) => Buffer.byteLength(element(i, ''))).reduce(
			(a, b) => a + b,
			0,
		);
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests.map((request) => Buffer.byteLength(request.rawBody))).toEqual([
			100_000,
		]);
		expect(moEngage.users).toHaveLength(count);

		moEngage.requests.length = 0;
		moEngage.users.length = 0;
		items[count - 1].pad += 'x';
		await runWorkflow({
			items,
			nodes: [moEngageNode(parameters)],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const sizes = moEngage.requests.map((request) => Buffer.byteLength(request.rawBody));
		expect(sizes).toHaveLength(2);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(100_000);
		expect(moEngage.users.map((user) => user.customer_id)).toEqual(items.map((item) => item.id));
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
			credentials: moEngageCredentials(moEngage.baseUrl),
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
		expect(moEngage.users.map((user) => user.customer_id)).toEqual(['u-1001']);
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)?.message).toContain('Identifier "null" is a placeholder');
		expect((error(NODE) as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(moEngage.requests).toHaveLength(0);
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(1);
		expect(moEngage.requests[0].body).toEqual({
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
		moEngage.identifiers = ['work_email'];
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
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests[0].body).toEqual({
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
			credentials: moEngageCredentials(moEngage.baseUrl),
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
		expect(moEngage.users.map((user) => user.customer_id)).toEqual(['u-1001']);
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
			const usersBefore = moEngage.users.length;
			const { output } = await runWorkflow({
				items,
				nodes: [moEngageNode(parameters, { continueOnFail: true })],
				credentials: moEngageCredentials(moEngage.baseUrl),
			});
			expect(
				output(NODE).map((item) => [item.pairedItem, item.json.error ?? item.json.status]),
			).toEqual([
				[{ item: 0 }, 'accepted'],
				[{ item: 1 }, 'Identify User By must be one of customerId, email, mobile, got "phone"'],
			]);
			expect(moEngage.users.slice(usersBefore).map((user) => user.customer_id)).toEqual(['u-1001']);
		}
	});
});

describe('Bulk Import answers 200 whatever it does with the elements', () => {
	const byEmail = (email: string) => ({
		resource: 'user',
		operation: 'createOrUpdate',
		identifyBy: 'email',
		identifierEmail: email,
	});

	it('reports batched items as accepted, not as successful, even those MoEngage drops', async () => {
		// Email is no activated identifier in this workspace: MoEngage drops the element after its 200.
		moEngage.identifiers = [];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [moEngageNode(byEmail('ana@example.com'), { continueOnFail: true })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE)[0].json).toMatchObject({ status: 'accepted', delivery: 'bulk' });
		expect(moEngage.droppedElements.map((dropped) => dropped.problem)).toEqual([
			'customer_id is not found in the payload',
		]);
	});

	it('One Request per Item gets MoEngage’s verdict on each item', async () => {
		moEngage.identifiers = [];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				moEngageNode(
					{ ...byEmail('ana@example.com'), options: { sendMode: 'perItem' } },
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE)[0].json.error).toBe(
			'MoEngage MissingAttributeError: customer_id is not found in the payload',
		);
	});
});
