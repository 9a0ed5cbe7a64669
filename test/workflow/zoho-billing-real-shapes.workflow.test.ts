/**
 * The Zoho Billing nodes inside n8n-core's WorkflowExecute against what real Zoho accounts send
 * (test/fixtures/index.ts names the captures): numeric 18-digit IDs in payloads and API answers,
 * date-only event times.
 */
import { CAPTURED_NUMERIC_IDS, capturedZohoWebhook } from '../fixtures';
import { PACKAGE, runWorkflow } from '../harness/run-workflow';
import { RawJson } from '../stand-ins/http-stand-in';
import { ZohoBillingStandIn } from '../stand-ins/zoho-billing';
import { zohoCredentials } from './zoho-billing-credentials';

const NODE = 'Zoho Billing';

function zohoBilling(parameters: Record<string, unknown>) {
	return {
		name: NODE,
		type: `${PACKAGE}.zohoBilling`,
		parameters,
		credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
	};
}

let zoho: ZohoBillingStandIn;
beforeEach(async () => {
	zoho = new ZohoBillingStandIn();
	await zoho.start();
});
afterEach(async () => await zoho.stop());

/** The captured webhook as the Events API keeps it: its payload is the body's text, numbers and all. */
function capturedEventRecord() {
	const payload = capturedZohoWebhook('subscription_upgraded');
	return {
		event_id: CAPTURED_NUMERIC_IDS.eventId,
		event_type: 'subscription_upgraded',
		event_time: '2026-11-03',
		payload,
		webhooks: [],
	};
}

describe('IDs beyond 2^53', () => {
	it('Event > Get keeps the numeric IDs of the payload exact', async () => {
		zoho.events = [capturedEventRecord()];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBilling({ resource: 'event', operation: 'get', eventId: CAPTURED_NUMERIC_IDS.eventId }),
			],
			credentials: zohoCredentials(zoho),
		});
		const [item] = output(NODE);
		expect(item.json.event_id).toBe(CAPTURED_NUMERIC_IDS.eventId);
		expect(item.json.subscription).toMatchObject({
			plan: { plan_id: CAPTURED_NUMERIC_IDS.planId },
		});
		expect(item.json.payload).toMatchObject({ event_id: CAPTURED_NUMERIC_IDS.eventId });
		expect(item.json.event_time).toBe('2026-11-03T14:50:56+0100');
	});

	it('keeps numeric IDs of an API answer exact', async () => {
		zoho.failNext({
			status: 200,
			body: new RawJson(
				'{"code":0,"message":"success","customer":{"customer_id":135953000000168080,' +
					'"display_name":"Costa Studio","outstanding_receivable_amount":12.5}}',
			),
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBilling({ resource: 'customer', operation: 'get', customerId: '135953000000168080' }),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE)[0].json).toMatchObject({
			customer_id: '135953000000168080',
			outstanding_receivable_amount: 12.5,
		});
	});
});

describe('event types Zoho cannot filter its list by', () => {
	it('Event > Get Many lists every event and keeps those of the type, costing one call per 200', async () => {
		const types = ['invoice_created', 'payment_declined', 'subscription_created'];
		zoho.events = Array.from({ length: 450 }, (_, index) => ({
			event_id: String(3000000000000 + index),
			event_type: types[index % 3],
			event_time: '2026-11-20T10:00:00-0500',
			payload: '{}',
		}));
		const { output, error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBilling({
					resource: 'event',
					operation: 'getAll',
					returnAll: false,
					limit: 160,
					filters: { eventType: 'invoice_created' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE)).toHaveLength(150);
		expect(output(NODE).every((item) => item.json.event_type === 'invoice_created')).toBe(true);
		expect(
			zoho.requests.map((request) => [request.query.filter_by, request.query.per_page]),
		).toEqual([
			['EventTime.All', '200'],
			['EventTime.All', '200'],
			['EventTime.All', '200'],
		]);
	});
});
