/**
 * Zoho Billing node, Event > Get Many, inside n8n-core's WorkflowExecute against the Zoho Billing
 * stand-in: pages, filters, payloads fetched within the concurrency limit, and webhook deliveries.
 */
import { eventsApiRecords } from '../../../fixtures';
import { zohoCredentials } from '../../../support/credentials';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { zohoBillingForEachTest } from '../../../support/for-each-test';

const zoho = zohoBillingForEachTest((zoho) => {
	zoho.events = eventsApiRecords(8);
});

const eventsNode = (parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
	zohoBillingNode({ resource: 'event', ...parameters }, settings);

describe('Event > Get Many', () => {
	it('returns everything across pages when Return All is on', async () => {
		zoho.events = eventsApiRecords(450);
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'getAll', returnAll: true })],
			credentials: zohoCredentials(zoho),
		});
		expect(zoho.requests.map((request) => request.query)).toEqual([
			{ filter_by: 'EventTime.All', page: '1', per_page: '200' },
			{ filter_by: 'EventTime.All', page: '2', per_page: '200' },
			{ filter_by: 'EventTime.All', page: '3', per_page: '200' },
		]);
		const items = output(NODE);
		expect(items).toHaveLength(450);
		expect(items.map((item) => item.json.event_id)).toEqual(
			zoho.events.map((event) => event.event_id),
		);
		expect(items[449]).toMatchObject({
			json: { event_type: 'invoice_created', resource: 'invoice' },
			pairedItem: { item: 0 },
		});
	});

	it('stops at the limit, asking only for what it needs', async () => {
		zoho.events = eventsApiRecords(450);
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'getAll', returnAll: false, limit: 5 })],
			credentials: zohoCredentials(zoho),
		});
		expect(zoho.requests.map((request) => request.query)).toEqual([
			{ filter_by: 'EventTime.All', page: '1', per_page: '5' },
		]);
		expect(output(NODE).map((item) => item.json.event_id)).toEqual(
			zoho.events.slice(0, 5).map((event) => event.event_id),
		);
	});

	it('filters by type and sorts, and fetches payloads with bounded concurrency', async () => {
		zoho.events = eventsApiRecords(40);
		zoho.latencyMs = 25;
		const { output, credentialsHelper } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					returnAll: true,
					includePayload: true,
					filters: { eventType: 'payment_declined' },
					options: { concurrency: 3, sortColumn: 'event_time', sortOrder: 'D' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		const list = zoho
			.requestsTo('/billing/v1/events')
			.filter((request) => request.path === '/billing/v1/events');
		expect(list.map((request) => request.query)).toEqual([
			{
				filter_by: 'EventType.payment_declined',
				sort_column: 'event_time',
				sort_order: 'D',
				page: '1',
				per_page: '200',
			},
		]);
		const items = output(NODE);
		expect(items).toHaveLength(10);
		expect(items.every((item) => item.json.event_type === 'payment_declined')).toBe(true);
		expect(items[0].json.payment).toMatchObject({ status: 'failure' });
		expect(zoho.requests).toHaveLength(11);
		expect(zoho.peakInFlight).toBe(3);
		// The node reads the credential (organization ID, data center) once for the item; n8n's OAuth2
		// layer loads it once more per call.
		expect(credentialsHelper.loads).toEqual({ zohoBillingOAuth2Api: 1 + 11 });
	});

	it('lists the next page while payloads of the last one are fetched, within the concurrency limit', async () => {
		zoho.events = eventsApiRecords(450);
		zoho.latencyMs = 1;
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					returnAll: true,
					includePayload: true,
					options: { concurrency: 4 },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => item.json.event_id)).toEqual(
			zoho.events.map((event) => event.event_id),
		);
		const paths = zoho.requests.map((request) =>
			request.path === '/billing/v1/events'
				? `page ${request.query.page}`
				: request.path.split('/').pop(),
		);
		expect(paths).toHaveLength(3 + 450);
		expect(paths.filter((path) => path?.startsWith('page'))).toEqual([
			'page 1',
			'page 2',
			'page 3',
		]);
		// Payloads start as soon as page 1 is in, and page 2 is asked for while they are fetched.
		const payloadOf = (index: number) => paths.indexOf(String(zoho.events[index].event_id));
		expect(paths.indexOf('page 2')).toBeGreaterThan(payloadOf(0));
		expect(paths.indexOf('page 2')).toBeLessThan(payloadOf(199));
		expect(zoho.peakInFlight).toBe(4);
	});

	it('rejects a bad date range naming the field, before calling Zoho', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					returnAll: true,
					filters: { datePreset: 'CustomDate', startDate: '2026-11-10', endDate: '2026-11-01' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Start Date (2026-11-10) must not be after End Date (2026-11-01)',
		);
		expect(zoho.requests).toHaveLength(0);
	});

	it('sends a custom date range', async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					returnAll: true,
					filters: {
						datePreset: 'CustomDate',
						startDate: '2026-11-02T00:00:00',
						endDate: '2026-11-03T00:00:00',
					},
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(zoho.requests[0].query).toMatchObject({
			filter_by: 'EventTime.CustomDate',
			event_start_date: '2026-11-02',
			event_end_date: '2026-11-03',
		});
		expect(output(NODE).map((item) => item.json.event_time)).toEqual([
			'2026-11-02T10:00:00-0500',
			'2026-11-03T10:00:00-0500',
		]);
	});
});

describe('webhook deliveries', () => {
	/** Gives the seeded events these delivery statuses, in list order (no status: sent to no webhook). */
	function withDeliveries(...statuses: Array<string | undefined>) {
		zoho.events = zoho.events.slice(0, statuses.length).map((event, index) => ({
			...event,
			webhooks: statuses[index]
				? [
						{
							webhook_id: '9030000020202',
							url: 'https://n8n.example/hook',
							status: statuses[index],
						},
					]
				: [],
		}));
	}

	it('Get outputs each delivery and a one-word summary', async () => {
		withDeliveries('failure');
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE)[0].json).toMatchObject({
			webhooks: [{ webhook_id: '9030000020202', status: 'failure' }],
			webhook_delivery: 'failure',
		});
	});

	it('Get Many keeps only undelivered events, and stops fetching records once Limit is met', async () => {
		withDeliveries('success', 'failure', undefined, 'scheduled', 'failure', 'success', 'failure');
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					limit: 2,
					filters: { webhookDelivery: 'undelivered' },
					options: { concurrency: 2 },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		const items = output(NODE).map((item) => item.json);
		expect(items.map((json) => [json.event_id, json.webhook_delivery])).toEqual([
			[zoho.events[1].event_id, 'failure'],
			[zoho.events[2].event_id, 'none'],
		]);
		expect(items[0]).toMatchObject({ resource: expect.any(String), payload: expect.any(Object) });
		// One list call, then records two at a time: the first batch holds one match, the second the
		// other; nothing after that.
		expect(zoho.requestsTo('/billing/v1/events/').map((request) => request.path)).toEqual(
			zoho.events.slice(0, 4).map((event) => `/billing/v1/events/${event.event_id}`),
		);
		expect(zoho.requests.filter((request) => request.path === '/billing/v1/events')).toHaveLength(
			1,
		);
	});

	it('Get Many refuses an unknown delivery filter, naming it', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'getAll', filters: { webhookDelivery: 'lost' } })],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Webhook Delivery must be one of any, undelivered, failure, scheduled, success, got "lost"',
		);
		expect(zoho.requests).toHaveLength(0);
	});

	it('Get Many over the last 24 hours asks Zoho for the days and keeps only events of the last 24 hours', async () => {
		const now = Date.now();
		const at = (hoursAgo: number) =>
			new Date(now - hoursAgo * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		zoho.events = zoho.events.slice(0, 3).map((event, index) => ({
			...event,
			event_time: at([1, 23, 30][index]),
		}));
		// Times in UTC, as an organization in UTC has them (its days are Zoho's days).
		zoho.organization.time_zone = 'UTC';
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				eventsNode({
					operation: 'getAll',
					returnAll: true,
					filters: { datePreset: 'Last24Hours' },
				}),
			],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => item.json.event_id)).toEqual(
			zoho.events.slice(0, 2).map((event) => event.event_id),
		);
		expect(zoho.requestsTo('/billing/v1/organizations/')).toHaveLength(1);
		expect(zoho.requestsTo('/billing/v1/events')[0].query).toMatchObject({
			filter_by: 'EventTime.CustomDate',
			event_start_date: new Date(now - 24 * 3600_000).toISOString().slice(0, 10),
			event_end_date: new Date(now).toISOString().slice(0, 10),
		});
	});
});
