/**
 * The output schemas shipped in `nodes/<Node>/__schema__/` (n8n shows them as the output preview
 * before a node has run, and asks for them as /schemas/<node>/<version>/<resource>/<operation>.json)
 * are generated from what the nodes really output for the golden fixtures below: every field with its
 * JSON type (test/support/output-schema.ts). This test generates them again and compares; `npm run
 * schemas` writes them. No schema is kept by hand, and every operation of the action nodes has one:
 * a new operation without one fails here.
 */
import { withCustomFieldsByApiName } from '../../lib/zoho/custom-fields';
import { parseJsonExact } from '../../lib/json';
import {
	asEventsApiRecord,
	capturedZohoWebhook,
	normalizedEvent,
	zohoEvent,
	zohoEvents,
	zohoRecord,
	type ZohoEventName,
} from '../fixtures';
import { withKnownUsers } from '../fixtures/moengage-users';
import { inferOutputSchema, outputSchemaFile } from '../support/output-schema';
import {
	UPDATE_SCHEMAS,
	readShippedSchemaText,
	shippedSchemaPaths,
	writeShippedSchema,
} from '../support/package-files';
import { moEngageCredentials } from '../support/credentials';
import { MOENGAGE_NODE, ZOHO_BILLING_NODE, moEngageNode, zohoBillingNode } from '../support/nodes';
import { PACKAGE, nodeTypes, runWorkflow } from '../support/run-workflow';
import { MoEngageStandIn } from '../support/stand-ins/moengage';
import { MINIMAL_WRITES, withWriteRecords, writeCredentials } from '../support/zoho-account';
import { ZohoBillingStandIn } from '../support/stand-ins/zoho-billing';

const fixtureNames = Object.keys(zohoEvents) as ZohoEventName[];

/** What the MoEngage node outputs for these parameters and items, batched and sent per item. */
async function moEngageOutputs(
	parameters: Record<string, unknown>,
	items: object[],
): Promise<object[]> {
	const standIn = await MoEngageStandIn.started();
	try {
		const credentials = moEngageCredentials(standIn.baseUrl);
		const outputs: object[] = [];
		for (const sendMode of ['batch', 'perItem']) {
			const { output } = await runWorkflow({
				items,
				nodes: [moEngageNode({ ...parameters, options: { sendMode } })],
				credentials,
			});
			outputs.push(...output(MOENGAGE_NODE).map((item) => item.json));
		}
		// Bulk Import answers 200 for any elements, so batched items are only "accepted" (send.ts).
		expect(outputs.map((output) => (output as { status?: string }).status)).toEqual([
			...Array(items.length).fill('accepted'),
			...Array(items.length).fill('success'),
		]);
		return outputs;
	} finally {
		await standIn.stop();
	}
}

/**
 * What a Zoho Billing write outputs for its minimal input (test/support/zoho-account.ts),
 * against the stand-in holding the records it acts on.
 */
async function zohoWriteOutputs(write: (typeof MINIMAL_WRITES)[number]): Promise<object[]> {
	const zoho = await ZohoBillingStandIn.started();
	try {
		withWriteRecords(zoho);
		// Zoho reactivates only a subscription cancelled at the end of its term.
		if (write.operation === 'reactivate') zoho.records.subscriptions[0].status = 'non_renewing';
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: write.resource,
					operation: write.operation,
					...write.parameters,
				}),
			],
			credentials: writeCredentials(zoho),
		});
		return output(ZOHO_BILLING_NODE).map((item) => item.json);
	} finally {
		await zoho.stop();
	}
}

/** What User > Delete or Merge outputs for users MoEngage has. */
async function moEngageUserCareOutputs(parameters: Record<string, unknown>): Promise<object[]> {
	const moEngage = await MoEngageStandIn.started();
	try {
		withKnownUsers(moEngage);
		const { output } = await runWorkflow({
			items: [{ keep: 'ana@example.com', merge: 'ana.old@example.com' }],
			nodes: [moEngageNode({ resource: 'user', ...parameters })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		return output(MOENGAGE_NODE).map((item) => item.json);
	} finally {
		await moEngage.stop();
	}
}

/** The trigger's outputs: every fixture, and a webhook in the shape real accounts send. */
const zohoItems = () => [
	...fixtureNames.map((name) => normalizedEvent(zohoEvent(name))),
	normalizedEvent(parseJsonExact(capturedZohoWebhook('subscription_upgraded')) as object),
];
const customers = [
	{ customer_id: 'cus-1001', email: 'ana.silva@example.com', first_name: 'Ana', plan_tier: 'pro' },
	{ customer_id: 'cus-1002', email: 'rui.costa@example.com', first_name: 'Rui', plan_tier: 'team' },
];

/** Real outputs for each shipped schema (path under nodes/), varied enough to show every field. */
const OUTPUTS: Record<string, { outputs: () => Promise<object[]> | object[] }> = {
	'ZohoBillingTrigger/__schema__/v1.0.0.json': { outputs: zohoItems },
	// n8n looks a schema up by the node's exact version; 1.1 outputs what 1 does.
	'ZohoBillingTrigger/__schema__/v1.1.0.json': { outputs: zohoItems },
	'ZohoBillingPollingTrigger/__schema__/v1.0.0.json': {
		// Records of the Events API: payload as a string, deliveries of every kind.
		outputs: () =>
			fixtureNames.map((name, index) =>
				normalizedEvent({
					...asEventsApiRecord(zohoEvent(name)),
					webhooks: [
						{
							webhook_id: '1',
							url: 'https://n8n.example/hook',
							status: ['success', 'failure', 'scheduled'][index % 3],
							last_updated_time: '2026-11-02T15:28:59-0400',
						},
					],
				}),
			),
	},
	// Webhook > Verify outputs what the trigger does for the same request (lib/zoho/webhook-request.ts).
	'ZohoBilling/__schema__/v1.0.0/webhook/verify.json': { outputs: zohoItems },
	'ZohoBilling/__schema__/v1.0.0/event/get.json': {
		outputs: () => fixtureNames.map((name) => normalizedEvent(asEventsApiRecord(zohoEvent(name)))),
	},
	'ZohoBilling/__schema__/v1.0.0/event/getAll.json': {
		// With and without Include Payload.
		outputs: () => [
			...fixtureNames.map((name) => normalizedEvent(asEventsApiRecord(zohoEvent(name)))),
			...fixtureNames.map((name) => {
				const { event_id, event_type, event_time } = zohoEvent(name);
				return normalizedEvent({ event_id, event_type, event_time });
			}),
		],
	},
	...Object.fromEntries(
		(['customer', 'subscription', 'invoice', 'plan'] as const).flatMap((resource) =>
			['get', 'getAll'].map((operation) => [
				`ZohoBilling/__schema__/v1.0.0/${resource}/${operation}.json`,
				{ outputs: () => [withCustomFieldsByApiName(zohoRecord(resource))] },
			]),
		),
	),
	...Object.fromEntries(
		MINIMAL_WRITES.map((write) => [
			`ZohoBilling/__schema__/v1.0.0/${write.resource}/${write.operation}.json`,
			{ outputs: async () => await zohoWriteOutputs(write) },
		]),
	),
	'MoEngage/__schema__/v1.0.0/user/delete.json': {
		outputs: async () =>
			await moEngageUserCareOutputs({
				operation: 'delete',
				deleteIdentityValue: '={{ $json.merge }}',
			}),
	},
	'MoEngage/__schema__/v1.0.0/user/merge.json': {
		outputs: async () =>
			await moEngageUserCareOutputs({
				operation: 'merge',
				retainedUser: '={{ $json.keep }}',
				mergedUser: '={{ $json.merge }}',
			}),
	},
	'MoEngage/__schema__/v1.0.0/zohoBillingEvent/sync.json': {
		outputs: async () => {
			const sync = {
				resource: 'zohoBillingEvent',
				operation: 'sync',
				zohoIdentifier: 'email',
				identifierUse: 'customerId',
			};
			// Skip Events Without Identifier: a customer with no email is output as skipped.
			const { output } = await runWorkflow({
				items: [
					normalizedEvent({ ...zohoEvent('subscriptionCreated'), data: { subscription: {} } }),
				],
				nodes: [moEngageNode({ ...sync, options: { skipWithoutIdentifier: true } })],
				credentials: {},
			});
			const skipped = output(MOENGAGE_NODE).map((item) => item.json);
			expect(skipped).toEqual([{ status: 'skipped', reason: expect.stringContaining('email') }]);
			// A name longer than MoEngage keeps: cut, and the item says so in its warnings.
			const longName = zohoEvent('subscriptionCreated');
			longName.data.subscription.customer.display_name = 'x'.repeat(600);
			return [
				...(await moEngageOutputs(sync, [...zohoItems(), normalizedEvent(longName)])),
				...skipped,
			];
		},
	},
	'MoEngage/__schema__/v1.0.0/user/createOrUpdate.json': {
		outputs: async () => [
			...(await moEngageOutputs(
				{
					resource: 'user',
					operation: 'createOrUpdate',
					dataMode: 'defineBelow',
					identifyBy: 'customerId',
					customerId: '={{ $json.customer_id }}',
					standardAttributes: {
						email: '={{ $json.email }}',
						first_name: '={{ $json.first_name }}',
					},
					customAttributesMode: 'json',
					customAttributesJson: '={{ JSON.stringify({ plan_tier: $json.plan_tier }) }}',
				},
				customers,
			)),
			...(await moEngageOutputs(
				{
					resource: 'user',
					operation: 'createOrUpdate',
					dataMode: 'autoMapInputData',
					identifyBy: 'customerId',
				},
				customers,
			)),
		],
	},
	'MoEngage/__schema__/v1.0.0/event/track.json': {
		outputs: async () =>
			await moEngageOutputs(
				{
					resource: 'event',
					operation: 'track',
					identifyBy: 'customerId',
					customerId: '={{ $json.customer_id }}',
					eventName: 'renewal_reminder_sent',
					eventAttributesMode: 'json',
					eventAttributesJson: '={{ JSON.stringify({ plan_tier: $json.plan_tier }) }}',
				},
				customers,
			),
	},
};

/** The schema n8n asks for each operation of the action nodes: `<Node>/__schema__/v<version>.0.0/<resource>/<operation>.json`. */
function operationSchemaPaths(): string[] {
	return [
		['ZohoBilling', 'zohoBilling'],
		['MoEngage', 'moEngage'],
	].flatMap(([folder, name]) => {
		const node = nodeTypes.getByNameAndVersion(`${PACKAGE}.${name}`);
		const { version, properties } = node.description;
		const latest = Array.isArray(version) ? Math.max(...version) : version;
		return properties
			.filter((property) => property.name === 'operation')
			.flatMap((operation) =>
				(operation.displayOptions?.show?.resource as string[]).flatMap((resource) =>
					(operation.options as Array<{ value: string }>).map(
						({ value }) => `${folder}/__schema__/v${latest}.0.0/${resource}/${value}.json`,
					),
				),
			);
	});
}

describe('shipped output schemas', () => {
	it('are each checked below, every one of them', () => {
		expect(shippedSchemaPaths().sort()).toEqual(Object.keys(OUTPUTS).sort());
	});

	it('cover every operation of the action nodes', () => {
		const paths = operationSchemaPaths();
		expect(paths.length).toBeGreaterThanOrEqual(25);
		expect(paths.filter((path) => !(path in OUTPUTS))).toEqual([]);
	});

	it.each(Object.keys(OUTPUTS))('%s is what the node really outputs, generated', async (path) => {
		const outputs = await OUTPUTS[path].outputs();
		expect(outputs.length).toBeGreaterThan(0);
		const generated = outputSchemaFile(inferOutputSchema(outputs)!);
		if (UPDATE_SCHEMAS) writeShippedSchema(path, generated);
		else expect(readShippedSchemaText(path)).toBe(generated);
	});
});
