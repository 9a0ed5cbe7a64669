/**
 * The Zoho Billing nodes inside n8n-core's WorkflowExecute against what real Zoho accounts send
 * (test/fixtures/index.ts names the captures): numeric 18-digit IDs in payloads and API answers,
 * date-only event times.
 */
import {
	CAPTURED_NUMERIC_IDS,
	capturedZohoWebhook,
	zohoTimeIn,
	zoneOtherDayThanUtc,
} from '../../fixtures';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../support/nodes';
import { runWorkflow } from '../../support/run-workflow';
import { RawJson } from '../../support/stand-ins/http-stand-in';
import { zohoCredentials } from '../../support/credentials';
import { zohoBillingForEachTest } from '../../support/for-each-test';

const zoho = zohoBillingForEachTest();

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
				zohoBillingNode({
					resource: 'event',
					operation: 'get',
					eventId: CAPTURED_NUMERIC_IDS.eventId,
				}),
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
				zohoBillingNode({
					resource: 'customer',
					operation: 'get',
					customerId: '135953000000168080',
				}),
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
				zohoBillingNode({
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

describe("the organization's time zone", () => {
	/** A zone whose calendar day differs from UTC's right now, so counting days in UTC would show. */

	it('Get Many: Today with an event type is the organization’s today, read once from Zoho', async () => {
		const zone = zoneOtherDayThanUtc();
		zoho.organization.time_zone = zone;
		const now = Date.now();
		const record = (id: string, ms: number) => ({
			event_id: id,
			event_type: 'payment_declined',
			event_time: zohoTimeIn(ms, zone),
			payload: '{}',
		});
		zoho.events = [record('today', now - 60_000), record('yesterday', now - 30 * 3600_000)];
		const { output, error } = await runWorkflow({
			items: [{}, {}],
			nodes: [
				zohoBillingNode({
					resource: 'event',
					operation: 'getAll',
					returnAll: true,
					filters: { eventType: 'payment_declined', datePreset: 'Today' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE).map((item) => item.json.event_id)).toEqual(['today', 'today']);
		const localToday = zoho.events[0].event_time.slice(0, 10);
		expect(localToday).not.toBe(new Date(now).toISOString().slice(0, 10));
		expect(zoho.requestsTo('/billing/v1/events')[0].query).toMatchObject({
			filter_by: 'EventType.payment_declined',
			event_start_date: localToday,
			event_end_date: localToday,
		});
		// One organization read for the whole run, not one per item.
		expect(zoho.requestsTo(`/billing/v1/organizations/`)).toHaveLength(1);
	});

	it('Get Many: a zone Zoho states in a form the node cannot read counts in UTC and says so', async () => {
		zoho.organization.time_zone = 'Mars Standard Time';
		zoho.events = [];
		const { error, run } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'event',
					operation: 'getAll',
					returnAll: true,
					filters: { datePreset: 'Last24Hours' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)).toBeUndefined();
		const hints = run.data.resultData.runData[NODE][0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([
			'Zoho\'s organization time zone "Mars Standard Time" is not one this node can read, so the Date Filter counted days in UTC',
		]);
	});

	it('Get Many: a filter Zoho applies itself costs no organization read', async () => {
		await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'event',
					operation: 'getAll',
					returnAll: true,
					filters: { datePreset: 'Today' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(zoho.requests.map((request) => request.path)).toEqual(['/billing/v1/events']);
	});
});

describe('token refresh as Zoho answers it', () => {
	const tokenCalls = () => zoho.requestsTo('/oauth/v2/token').length;

	it('a refused refresh (200 with invalid_code) fails every item with "reconnect", after one refresh', async () => {
		zoho.events = [capturedEventRecord()];
		zoho.refreshTokenValid = false;
		zoho.expireAccessToken();
		const { output } = await runWorkflow({
			items: [{}, {}, {}],
			nodes: [
				{
					...zohoBillingNode({
						resource: 'event',
						operation: 'get',
						eventId: CAPTURED_NUMERIC_IDS.eventId,
					}),
					continueOnFail: true,
				},
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => item.json)).toEqual(
			Array(3).fill({
				error:
					'Zoho Billing refused to renew the access token: reconnect the Zoho Billing credential',
				description:
					'HTTP 401, Zoho answered the last token refresh with "invalid_code": the connection was revoked or has expired. Open the credential and click Connect again.',
			}),
		);
		// One refresh attempt for the run: the later items do not spend Zoho's refresh budget again.
		expect(tokenCalls()).toBe(1);
		expect(zoho.requestsTo('/billing/v1/events/')).toHaveLength(2);
	});

	it('a throttled refresh (200 with Access Denied) says to wait, not to reconnect', async () => {
		zoho.events = [capturedEventRecord()];
		zoho.tokensPerTenMinutes = 0;
		zoho.expireAccessToken();
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'event',
					operation: 'get',
					eventId: CAPTURED_NUMERIC_IDS.eventId,
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Zoho Billing is not issuing new access tokens to this connection right now',
		);
		expect((error(NODE) as { description?: string }).description).toContain(
			'"Access Denied: You have made too many requests continuously. Please try again after some time."',
		);
	});

	it('Get Many with 10 payloads at a time refreshes once when the token expires mid-run', async () => {
		zoho.events = Array.from({ length: 40 }, (_, index) => ({
			event_id: String(3000000000000 + index),
			event_type: 'payment_declined',
			event_time: '2026-11-20T10:00:00Z',
			payload: '{}',
		}));
		zoho.latencyMs = 25;
		// The token's hour ends while the first ten payloads are in flight.
		zoho.expireAfter = { pathPrefix: '/billing/v1/events/', calls: 3 };
		const { output, error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'event',
					operation: 'getAll',
					returnAll: true,
					includePayload: true,
					options: { concurrency: 10 },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)).toBeUndefined();
		expect(output(NODE)).toHaveLength(40);
		const refusedCalls = zoho.requests.filter(
			(request) =>
				request.path.startsWith('/billing/v1/events/') &&
				request.headers.authorization?.endsWith('.access.1'),
		).length;
		// Several calls met the expired token at once, and n8n 2.40 refreshed it once for all of them.
		expect(refusedCalls).toBeGreaterThan(3);
		expect(tokenCalls()).toBe(1);
	});
});
