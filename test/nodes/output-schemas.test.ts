/**
 * The output schemas shipped in `nodes/<Node>/__schema__/` (n8n shows them as the output preview
 * before a node has run, and asks for them as /schemas/<node>/<version>/<resource>/<operation>.json)
 * must describe what the nodes really output: every field a real output item has is declared with its
 * JSON type, and the schema declares no top-level field the node never outputs.
 */
import moEngageSync from '../../nodes/MoEngage/__schema__/v1.0.0/zohoBillingEvent/sync.json';
import zohoGet from '../../nodes/ZohoBilling/__schema__/v1.0.0/event/get.json';
import zohoGetAll from '../../nodes/ZohoBilling/__schema__/v1.0.0/event/getAll.json';
import trigger from '../../nodes/ZohoBillingTrigger/__schema__/v1.0.0.json';
import { normalizeZohoEvent } from '../../lib/zoho/normalize-event';
import { asEventsApiRecord, zohoEvent, zohoEvents, type ZohoEventName } from '../fixtures';
import { PACKAGE, runWorkflow } from '../harness/run-workflow';
import { MOENGAGE_API_KEY, MOENGAGE_WORKSPACE_ID, MoEngageStandIn } from '../stand-ins/moengage';

interface Schema {
	type: string;
	properties?: Record<string, Schema>;
	items?: Schema;
}

const jsonType = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Every place where `value` is not described by `schema`, as "path: problem". */
function undescribed(schema: Schema, value: unknown, path = '$'): string[] {
	if (value === null || value === undefined) return [];
	if (jsonType(value) !== schema.type)
		return [`${path}: is ${jsonType(value)}, schema says ${schema.type}`];
	if (Array.isArray(value))
		return schema.items
			? value.flatMap((item, index) =>
					undescribed(schema.items as Schema, item, `${path}[${index}]`),
				)
			: [];
	if (typeof value === 'object' && schema.properties) {
		return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
			const childSchema = schema.properties?.[key];
			// Attribute maps are open-ended (custom attributes); their listed keys are examples.
			if (!childSchema)
				return /attributes|user_identifiers|payload|webhooks/.test(path)
					? []
					: [`${path}.${key}: not in the schema`];
			return undescribed(childSchema, child, `${path}.${key}`);
		});
	}
	return [];
}

function topLevelFieldsNeverOutput(schema: Schema, outputs: object[]): string[] {
	return Object.keys(schema.properties ?? {}).filter(
		(key) => !outputs.some((output) => key in output),
	);
}

const fixtureNames = Object.keys(zohoEvents) as ZohoEventName[];

function normalized(body: object) {
	const result = normalizeZohoEvent(body as Record<string, unknown>);
	if (!result.ok) throw new Error(result.message);
	return result.event;
}

describe('shipped output schemas', () => {
	it('describe the Zoho Billing Trigger output for every fixture event', () => {
		const outputs = fixtureNames.map((name) => normalized(zohoEvent(name)));
		expect(outputs.flatMap((output) => undescribed(trigger, output))).toEqual([]);
		expect(topLevelFieldsNeverOutput(trigger, outputs)).toEqual([]);
	});

	it('describe Zoho Billing > Event > Get and Get Many (with and without payloads)', () => {
		const withPayload = fixtureNames.map((name) => normalized(asEventsApiRecord(zohoEvent(name))));
		const listed = fixtureNames.map((name) => {
			const { event_id, event_type, event_time } = zohoEvent(name);
			return normalized({ event_id, event_type, event_time });
		});
		expect(withPayload.flatMap((output) => undescribed(zohoGet, output))).toEqual([]);
		expect(topLevelFieldsNeverOutput(zohoGet, withPayload)).toEqual([]);
		expect(
			[...withPayload, ...listed].flatMap((output) => undescribed(zohoGetAll, output)),
		).toEqual([]);
	});

	it('describe the MoEngage Zoho Billing preset output, batched and per item', async () => {
		const standIn = new MoEngageStandIn();
		await standIn.start();
		try {
			const credentials = {
				moEngageApi: {
					workspaceId: MOENGAGE_WORKSPACE_ID,
					apiKey: MOENGAGE_API_KEY,
					dataCenter: '01',
					customBaseUrl: standIn.baseUrl,
				},
			};
			const outputs: object[] = [];
			for (const sendMode of ['batch', 'perItem']) {
				const { output } = await runWorkflow({
					items: fixtureNames.map((name) => normalized(zohoEvent(name))),
					nodes: [
						{
							name: 'MoEngage',
							type: `${PACKAGE}.moEngage`,
							parameters: {
								resource: 'zohoBillingEvent',
								operation: 'sync',
								zohoIdentifier: 'email',
								identifierUse: 'customerId',
								options: { sendMode },
							},
							credentials: { moEngageApi: { id: '1', name: 'MoEngage' } },
						},
					],
					credentials,
				});
				outputs.push(...output('MoEngage').map((item) => item.json));
			}
			expect(outputs).toHaveLength(fixtureNames.length * 2);
			expect(outputs.flatMap((output) => undescribed(moEngageSync, output))).toEqual([]);
			expect(topLevelFieldsNeverOutput(moEngageSync, outputs)).toEqual([]);
		} finally {
			await standIn.stop();
		}
	});
});
