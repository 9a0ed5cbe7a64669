import { asEventsApiRecord, zohoEvent } from '../fixtures';
import { PACKAGE, runWorkflow } from '../support/run-workflow';
import {
	ZOHO_ACCESS_TOKEN_PREFIX,
	ZOHO_CLIENT_SECRET,
	ZOHO_ORG_ID,
	ZOHO_REFRESH_TOKEN,
	ZohoBillingStandIn,
} from '../support/stand-ins/zoho-billing';
import { zohoCredentials } from '../support/credentials';

const EVENTS_NODE = 'Zoho Billing';

function eventsNode(parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
	return {
		name: EVENTS_NODE,
		type: `${PACKAGE}.zohoBilling`,
		parameters: { resource: 'event', ...parameters },
		credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
		...settings,
	};
}

/** `count` events, newest first, cycling through the fixtures' types. */
function seedEvents(standIn: ZohoBillingStandIn, count: number) {
	const fixtures = [
		'subscriptionCreated',
		'invoiceCreated',
		'paymentThankyou',
		'paymentDeclined',
	] as const;
	standIn.events = Array.from({ length: count }, (_, index) => {
		const body = zohoEvent(fixtures[index % fixtures.length]);
		body.event_id = String(3000000000000 + index);
		body.event_time = `2026-11-${String(1 + (index % 28)).padStart(2, '0')}T10:00:00-0500`;
		return asEventsApiRecord(body);
	});
}

describe('Zoho Billing node inside n8n-core workflow execution', () => {
	let standIn: ZohoBillingStandIn;

	beforeEach(async () => {
		standIn = new ZohoBillingStandIn();
		await standIn.start();
		seedEvents(standIn, 8);
	});
	afterEach(async () => await standIn.stop());

	describe('Event > Get', () => {
		it('fetches the event with the OAuth token and organization header, payload parsed and normalized', async () => {
			const target = standIn.events[2];
			const { output } = await runWorkflow({
				items: [{ id: target.event_id }],
				nodes: [eventsNode({ operation: 'get', eventId: '={{ $json.id }}' })],
				credentials: zohoCredentials(standIn),
			});

			const request = standIn.requests[0];
			expect(standIn.requests).toHaveLength(1);
			expect(request.method).toBe('GET');
			expect(request.path).toBe(`/billing/v1/events/${target.event_id}`);
			expect(request.headers.authorization).toBe(`Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}1`);
			expect(request.headers['x-com-zoho-subscriptions-organizationid']).toBe(ZOHO_ORG_ID);

			const [item] = output(EVENTS_NODE);
			const payload = JSON.parse(target.payload);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({
				event_id: target.event_id,
				event_type: 'payment_thankyou',
				resource: 'payment',
				payload,
				payment: payload.data.payment,
				customer: { email: 'ana.silva@example.com' },
			});
		});

		it('keeps one output item per input item, paired to it', async () => {
			const ids = [
				standIn.events[0].event_id,
				standIn.events[1].event_id,
				standIn.events[3].event_id,
			];
			const { output } = await runWorkflow({
				items: ids.map((id) => ({ id })),
				nodes: [eventsNode({ operation: 'get', eventId: '={{ $json.id }}' })],
				credentials: zohoCredentials(standIn),
			});
			expect(output(EVENTS_NODE).map((item) => [item.json.event_id, item.pairedItem])).toEqual([
				[ids[0], { item: 0 }],
				[ids[1], { item: 1 }],
				[ids[2], { item: 2 }],
			]);
		});

		it("fails at once on a 4xx with Zoho's message and code, without retrying", async () => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: '999' })],
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)?.message).toBe('Zoho Billing error 1002: Event does not exist.');
			expect((error(EVENTS_NODE) as { httpCode?: string }).httpCode).toBe('404');
			expect(standIn.requests).toHaveLength(1);
		});

		it('treats HTTP 200 with a non-zero code as an error', async () => {
			standIn.failNext({ status: 200, body: { code: 1001, message: 'Internal error' }, times: 1 });
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)?.message).toBe('Zoho Billing error 1001: Internal error');
		});

		it('refuses an event ID that is not an ID before calling Zoho', async () => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: '../organizations' })],
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)?.message).toBe(
				'Event ID must be a Zoho event ID such as 90300000005337, got "../organizations"',
			);
			expect(standIn.requests).toHaveLength(0);
		});

		it('with Continue On Fail, reports the failing item and carries on with the others', async () => {
			const { output } = await runWorkflow({
				items: [
					{ id: standIn.events[0].event_id },
					{ id: '404404' },
					{ id: standIn.events[1].event_id },
				],
				nodes: [
					eventsNode({ operation: 'get', eventId: '={{ $json.id }}' }, { continueOnFail: true }),
				],
				credentials: zohoCredentials(standIn),
			});
			const items = output(EVENTS_NODE);
			expect(items).toHaveLength(3);
			expect(items[0]).toMatchObject({
				json: { event_id: standIn.events[0].event_id },
				pairedItem: { item: 0 },
			});
			expect(items[1]).toEqual({
				json: { error: 'Zoho Billing error 1002: Event does not exist.', description: 'HTTP 404.' },
				pairedItem: { item: 1 },
			});
			expect(items[2]).toMatchObject({
				json: { event_id: standIn.events[1].event_id },
				pairedItem: { item: 2 },
			});
		});

		it("surfaces a wrong organization ID with Zoho's message", async () => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn, { organizationId: '111' }),
			});
			expect(error(EVENTS_NODE)?.message).toBe(
				'Zoho Billing error 2: Invalid value passed for X-com-zoho-subscriptions-organizationid',
			);
		});
	});

	describe('retries', () => {
		it('retries 429 and 5xx, honouring Retry-After, then succeeds', async () => {
			standIn.failNext({
				status: 429,
				body: { code: 44, message: 'Too many requests' },
				headers: { 'retry-after': '0' },
				times: 1,
			});
			standIn.failNext({
				status: 502,
				body: 'Bad gateway',
				headers: { 'retry-after': '0' },
				times: 2,
			});
			const { output, error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)).toBeUndefined();
			expect(standIn.requests).toHaveLength(4);
			expect(output(EVENTS_NODE)[0].json.event_id).toBe(standIn.events[0].event_id);
		});

		it('gives up after the cap with a clear error', async () => {
			standIn.failNext({
				status: 503,
				body: { code: 1000, message: 'Internal error' },
				headers: { 'retry-after': '0' },
				times: 100,
			});
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn),
			});
			expect(standIn.requests).toHaveLength(5);
			expect(error(EVENTS_NODE)?.message).toBe('Zoho Billing error 1000: Internal error');
			expect((error(EVENTS_NODE) as { description?: string }).description).toBe(
				'HTTP 503, gave up after 5 attempts.',
			);
		});

		it('refreshes an expired token through the accounts server and repeats the call', async () => {
			standIn.expireAccessToken();
			const { output, credentialsHelper } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn),
			});
			expect(
				standIn.requests.map(
					(request) => `${request.method} ${request.path} ${request.headers.authorization ?? ''}`,
				),
			).toEqual([
				`GET /billing/v1/events/${standIn.events[0].event_id} Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}1`,
				'POST /oauth/v2/token ',
				`GET /billing/v1/events/${standIn.events[0].event_id} Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}2`,
			]);
			expect(standIn.requests[1].body).toMatchObject({
				grant_type: 'refresh_token',
				refresh_token: ZOHO_REFRESH_TOKEN,
			});
			expect(credentialsHelper.refreshedTokens.zohoBillingOAuth2Api).toMatchObject({
				access_token: `${ZOHO_ACCESS_TOKEN_PREFIX}2`,
			});
			expect(output(EVENTS_NODE)).toHaveLength(1);
		});
	});

	describe('webhook deliveries', () => {
		/** Gives the seeded events these delivery statuses, in list order (no status: sent to no webhook). */
		function withDeliveries(...statuses: Array<string | undefined>) {
			standIn.events = standIn.events.slice(0, statuses.length).map((event, index) => ({
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
				nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
				credentials: zohoCredentials(standIn),
			});
			expect(output(EVENTS_NODE)[0].json).toMatchObject({
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
				credentials: zohoCredentials(standIn),
			});
			const items = output(EVENTS_NODE).map((item) => item.json);
			expect(items.map((json) => [json.event_id, json.webhook_delivery])).toEqual([
				[standIn.events[1].event_id, 'failure'],
				[standIn.events[2].event_id, 'none'],
			]);
			expect(items[0]).toMatchObject({ resource: expect.any(String), payload: expect.any(Object) });
			// One list call, then records two at a time: the first batch holds one match, the second the
			// other; nothing after that.
			expect(standIn.requestsTo('/billing/v1/events/').map((request) => request.path)).toEqual(
				standIn.events.slice(0, 4).map((event) => `/billing/v1/events/${event.event_id}`),
			);
			expect(
				standIn.requests.filter((request) => request.path === '/billing/v1/events'),
			).toHaveLength(1);
		});

		it('Get Many refuses an unknown delivery filter, naming it', async () => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'getAll', filters: { webhookDelivery: 'lost' } })],
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)?.message).toBe(
				'Webhook Delivery must be one of any, undelivered, failure, scheduled, success, got "lost"',
			);
			expect(standIn.requests).toHaveLength(0);
		});

		it('Get Many over the last 24 hours asks Zoho for the days and keeps only events of the last 24 hours', async () => {
			const now = Date.now();
			const at = (hoursAgo: number) =>
				new Date(now - hoursAgo * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
			standIn.events = standIn.events.slice(0, 3).map((event, index) => ({
				...event,
				event_time: at([1, 23, 30][index]),
			}));
			// Times in UTC, as an organization in UTC has them (its days are Zoho's days).
			standIn.organization.time_zone = 'UTC';
			const { output } = await runWorkflow({
				items: [{}],
				nodes: [
					eventsNode({
						operation: 'getAll',
						returnAll: true,
						filters: { datePreset: 'Last24Hours' },
					}),
				],
				credentials: zohoCredentials(standIn),
			});
			expect(output(EVENTS_NODE).map((item) => item.json.event_id)).toEqual(
				standIn.events.slice(0, 2).map((event) => event.event_id),
			);
			expect(standIn.requestsTo('/billing/v1/organizations/')).toHaveLength(1);
			expect(standIn.requestsTo('/billing/v1/events')[0].query).toMatchObject({
				filter_by: 'EventTime.CustomDate',
				event_start_date: new Date(now - 24 * 3600_000).toISOString().slice(0, 10),
				event_end_date: new Date(now).toISOString().slice(0, 10),
			});
		});
	});

	describe('Event > Get Many', () => {
		it('returns everything across pages when Return All is on', async () => {
			seedEvents(standIn, 450);
			const { output } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'getAll', returnAll: true })],
				credentials: zohoCredentials(standIn),
			});
			expect(standIn.requests.map((request) => request.query)).toEqual([
				{ filter_by: 'EventTime.All', page: '1', per_page: '200' },
				{ filter_by: 'EventTime.All', page: '2', per_page: '200' },
				{ filter_by: 'EventTime.All', page: '3', per_page: '200' },
			]);
			const items = output(EVENTS_NODE);
			expect(items).toHaveLength(450);
			expect(items.map((item) => item.json.event_id)).toEqual(
				standIn.events.map((event) => event.event_id),
			);
			expect(items[449]).toMatchObject({
				json: { event_type: 'invoice_created', resource: 'invoice' },
				pairedItem: { item: 0 },
			});
		});

		it('stops at the limit, asking only for what it needs', async () => {
			seedEvents(standIn, 450);
			const { output } = await runWorkflow({
				items: [{}],
				nodes: [eventsNode({ operation: 'getAll', returnAll: false, limit: 5 })],
				credentials: zohoCredentials(standIn),
			});
			expect(standIn.requests.map((request) => request.query)).toEqual([
				{ filter_by: 'EventTime.All', page: '1', per_page: '5' },
			]);
			expect(output(EVENTS_NODE).map((item) => item.json.event_id)).toEqual(
				standIn.events.slice(0, 5).map((event) => event.event_id),
			);
		});

		it('filters by type and sorts, and fetches payloads with bounded concurrency', async () => {
			seedEvents(standIn, 40);
			standIn.latencyMs = 25;
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
				credentials: zohoCredentials(standIn),
			});
			const list = standIn
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
			const items = output(EVENTS_NODE);
			expect(items).toHaveLength(10);
			expect(items.every((item) => item.json.event_type === 'payment_declined')).toBe(true);
			expect(items[0].json.payment).toMatchObject({ status: 'failure' });
			expect(standIn.requests).toHaveLength(11);
			expect(standIn.peakInFlight).toBe(3);
			// The node reads the credential (organization ID, data center) once for the item; n8n's OAuth2
			// layer loads it once more per call.
			expect(credentialsHelper.loads).toEqual({ zohoBillingOAuth2Api: 1 + 11 });
		});

		it('lists the next page while payloads of the last one are fetched, within the concurrency limit', async () => {
			seedEvents(standIn, 450);
			standIn.latencyMs = 1;
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
				credentials: zohoCredentials(standIn),
			});
			expect(output(EVENTS_NODE).map((item) => item.json.event_id)).toEqual(
				standIn.events.map((event) => event.event_id),
			);
			const paths = standIn.requests.map((request) =>
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
			const payloadOf = (index: number) => paths.indexOf(String(standIn.events[index].event_id));
			expect(paths.indexOf('page 2')).toBeGreaterThan(payloadOf(0));
			expect(paths.indexOf('page 2')).toBeLessThan(payloadOf(199));
			expect(standIn.peakInFlight).toBe(4);
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
				credentials: zohoCredentials(standIn),
			});
			expect(error(EVENTS_NODE)?.message).toBe(
				'Start Date (2026-11-10) must not be after End Date (2026-11-01)',
			);
			expect(standIn.requests).toHaveLength(0);
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
				credentials: zohoCredentials(standIn),
			});
			expect(standIn.requests[0].query).toMatchObject({
				filter_by: 'EventTime.CustomDate',
				event_start_date: '2026-11-02',
				event_end_date: '2026-11-03',
			});
			expect(output(EVENTS_NODE).map((item) => item.json.event_time)).toEqual([
				'2026-11-02T10:00:00-0500',
				'2026-11-03T10:00:00-0500',
			]);
		});
	});

	it('never puts the access or refresh token into an error', async () => {
		standIn.failNext({ status: 400, body: { code: 4, message: 'Invalid request' }, times: 1 });
		const { error, run } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: standIn.events[0].event_id })],
			credentials: zohoCredentials(standIn),
		});
		const serialized =
			JSON.stringify(run.data.resultData) +
			JSON.stringify(error(EVENTS_NODE), Object.getOwnPropertyNames(error(EVENTS_NODE)));
		expect(serialized).toContain('Invalid request');
		expect(serialized).not.toContain(ZOHO_ACCESS_TOKEN_PREFIX);
		expect(serialized).not.toContain(ZOHO_REFRESH_TOKEN);
		expect(serialized).not.toContain(ZOHO_CLIENT_SECRET);
	});
});
