/**
 * The Zoho Billing Polling Trigger's poll() in n8n-core's own PollContext, against the Zoho Billing
 * stand-in (OAuth2, organization header, paging, sorting, faults), as n8n runs it between publishing
 * and a restart.
 */
import { zohoEvent, zohoTimeIn, zoneOtherDayThanUtc, type ZohoEventName } from '../../fixtures';
import { PollingTriggerHarness } from '../../support/poll-trigger';
import { zohoCredentials } from '../../support/credentials';
import { zohoBillingForEachTest } from '../../support/for-each-test';

const zoho = zohoBillingForEachTest();
let serial = 0;

/** An event that happens now in Zoho Billing, `secondsAgo` before the present. */
async function happens(
	fixture: ZohoEventName,
	options: { secondsAgo?: number; delivered?: boolean } = {},
) {
	serial++;
	const body = zohoEvent(fixture);
	body.event_id = String(4100000000000 + serial);
	body.event_time = new Date(Date.now() - (options.secondsAgo ?? 0) * 1000)
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z');
	const event = await zoho.record(body, undefined);
	if (options.delivered !== undefined) {
		event.webhooks = [
			{
				webhook_id: '9030000020202',
				url: 'https://n8n.example/hook',
				status: options.delivered ? 'success' : 'failure',
			},
		];
	}
	return event;
}

const listCalls = () =>
	zoho.requests.filter((request) => request.path === '/billing/v1/events').length;
const fetchCalls = () => zoho.requestsTo('/billing/v1/events/').length;
const ids = (result: Array<Array<{ json: { event_id?: unknown } }>> | null) =>
	(result?.[0] ?? []).map((item) => item.json.event_id);

/**
 * A published trigger. These tests poll back to back, each poll standing for n8n's next tick, to try
 * the cursor: the Daily Call Budget's spacing is off here (0) and has its own tests below.
 */
function poller(parameters: Record<string, unknown> = {}) {
	const { options, ...rest } = parameters as { options?: Record<string, unknown> };
	return new PollingTriggerHarness(
		{
			events: ['*'],
			emit: 'all',
			startFrom: 'now',
			...rest,
			options: { dailyCallBudget: 0, ...options },
		},
		zohoCredentials(zoho),
	);
}

describe('Zoho Billing Polling Trigger', () => {
	it('starts from now, then emits new events oldest first as the webhook trigger would, one call when idle', async () => {
		await happens('subscriptionCreated', { secondsAgo: 3600 });
		const trigger = poller();
		expect(await trigger.activate()).toBeNull();
		expect([listCalls(), fetchCalls()]).toEqual([1, 0]);

		const second = await happens('invoiceCreated', { secondsAgo: 20 });
		const first = await happens('paymentDeclined', { secondsAgo: 30 });
		const result = await trigger.poll();
		expect(ids(result)).toEqual([first.event_id, second.event_id]);
		const item = result![0][0].json;
		expect(item).toMatchObject({
			event_id: first.event_id,
			event_type: 'payment_declined',
			resource: 'payment',
			payment: { status: 'failure' },
			customer: { email: 'ana.silva@example.com' },
			payload: expect.objectContaining({ data: expect.any(Object) }),
			webhooks: [],
			webhook_delivery: 'none',
		});
		expect(zoho.requests[zoho.requests.length - 3].query).toMatchObject({
			filter_by: 'EventTime.All',
			sort_column: 'event_time',
			sort_order: 'D',
			per_page: '200',
		});
		expect([listCalls(), fetchCalls()]).toEqual([2, 2]);

		expect(await trigger.poll()).toBeNull();
		expect([listCalls(), fetchCalls()]).toEqual([3, 2]);
	});

	it('asks Zoho for a single event type, and fetches payloads only of matching events', async () => {
		const trigger = poller({ events: ['payment_declined'] });
		await trigger.activate();
		await happens('invoiceCreated', { secondsAgo: 5 });
		const wanted = await happens('paymentDeclined', { secondsAgo: 4 });
		expect(ids(await trigger.poll())).toEqual([wanted.event_id]);
		expect(zoho.requests[zoho.requests.length - 2].query.filter_by).toBe(
			'EventType.payment_declined',
		);
		expect(fetchCalls()).toBe(1);
	});

	it('lists every event for a type Zoho cannot filter on (invoice_created) and keeps the matching ones', async () => {
		const trigger = poller({ events: ['invoice_created'] });
		await trigger.activate();
		const wanted = await happens('invoiceCreated', { secondsAgo: 5 });
		await happens('paymentDeclined', { secondsAgo: 4 });
		expect(ids(await trigger.poll())).toEqual([wanted.event_id]);
		const lists = zoho
			.requestsTo('/billing/v1/events')
			.filter((request) => request.path === '/billing/v1/events');
		expect(lists.map((request) => request.query.filter_by)).not.toContain(
			'EventType.invoice_created',
		);
		expect(fetchCalls()).toBe(1);
	});

	it('backfills from a start date over several polls, Max Events per Poll at a time', async () => {
		const backlog = [];
		for (let index = 0; index < 5; index++)
			backlog.unshift(await happens('invoiceCreated', { secondsAgo: 600 - index }));
		await happens('subscriptionCreated', { secondsAgo: 7200 }); // before the start date
		const trigger = poller({
			startFrom: 'date',
			startDate: new Date(Date.now() - 3600_000).toISOString(),
			options: { maxEventsPerPoll: 2 },
		});
		const expected = [...backlog].reverse().map((event) => event.event_id);
		expect(ids(await trigger.activate())).toEqual(expected.slice(0, 2));
		expect(ids(await trigger.poll())).toEqual(expected.slice(2, 4));
		expect(ids(await trigger.poll())).toEqual(expected.slice(4));
		expect(await trigger.poll()).toBeNull();
	});

	it("lists a backlog by the organization's days, reading its time zone once for the cursor", async () => {
		const zone = zoneOtherDayThanUtc();
		zoho.organization.time_zone = zone;
		const localDay = (ms: number) =>
			new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms);
		// More than a page (200) since the start: the poll lists a day window, oldest first.
		for (let index = 0; index < 205; index++) {
			const event = await happens('invoiceCreated', { secondsAgo: 3000 - index });
			// Zoho writes times in the organization's zone.
			event.event_time = zohoTimeIn(Date.parse(event.event_time), zone);
		}
		const trigger = poller({
			startFrom: 'date',
			startDate: new Date(Date.now() - 3600_000).toISOString(),
			options: { maxEventsPerPoll: 150 },
		});
		const emitted = [...ids(await trigger.activate()), ...ids(await trigger.poll())];
		expect(new Set(emitted).size).toBe(205);
		const windows = zoho.requests.filter(
			(request) =>
				request.path === '/billing/v1/events' && request.query.filter_by === 'EventTime.CustomDate',
		);
		expect(windows.length).toBeGreaterThan(0);
		expect(windows[0].query).toMatchObject({
			event_start_date: localDay(Date.now() - 3600_000),
			event_end_date: localDay(Date.now()),
		});
		expect(zoho.requestsTo('/billing/v1/organizations/')).toHaveLength(1);
		expect(trigger.state.cursor).toMatchObject({ timeZone: zone });
	});

	it('a 10-way concurrent poll refreshes the token once when it expires mid-poll', async () => {
		for (let index = 0; index < 40; index++)
			await happens('paymentDeclined', { secondsAgo: 600 - index });
		const trigger = poller({
			startFrom: 'date',
			startDate: new Date(Date.now() - 3600_000).toISOString(),
			options: { concurrency: 10 },
		});
		zoho.latencyMs = 25;
		zoho.expireAfter = { pathPrefix: '/billing/v1/events/', calls: 3 };
		expect(ids(await trigger.activate())).toHaveLength(40);
		const staleCalls = zoho.requests.filter((request) =>
			request.headers.authorization?.endsWith('.access.1'),
		);
		// Measured: every payload call in flight at expiry was refused (more than three), and n8n 2.40
		// renewed the token once for all of them (it refreshes one credential at a time and re-reads
		// the token before refreshing).
		expect(
			staleCalls.filter((request) => request.path.startsWith('/billing/v1/events/')).length,
		).toBeGreaterThan(3);
		expect(zoho.requestsTo('/oauth/v2/token')).toHaveLength(1);
	});

	it('as a safety net emits only events Zoho could not deliver', async () => {
		const trigger = poller({ emit: 'undelivered' });
		await trigger.activate();
		await happens('invoiceCreated', { secondsAgo: 9, delivered: true });
		const failed = await happens('paymentDeclined', { secondsAgo: 8, delivered: false });
		const neverSent = await happens('subscriptionCreated', { secondsAgo: 7 });
		const result = await trigger.poll();
		expect(ids(result)).toEqual([failed.event_id, neverSent.event_id]);
		expect(result![0].map((item) => item.json.webhook_delivery)).toEqual(['failure', 'none']);
	});

	it('on a 429 mid-poll emits nothing, keeps its cursor, and the next poll hands on every event once', async () => {
		const trigger = poller({ options: { concurrency: 1 } });
		await trigger.activate();
		const events = [];
		for (let index = 0; index < 4; index++)
			events.unshift(await happens('invoiceCreated', { secondsAgo: 40 - index }));
		const cursorBefore = JSON.stringify(trigger.state.cursor);
		// The daily cap: every call answered 429 with Zoho's code, past the transport's retries.
		zoho.failNext({
			status: 429,
			body: { code: 1070, message: 'API calls limit exceeded for the day' },
			headers: { 'retry-after': '0' },
			pathPrefix: '/billing/v1/events/',
			times: 1000,
		});
		await expect(trigger.poll()).rejects.toThrow(
			'Zoho Billing error 1070: API calls limit exceeded for the day',
		);
		expect(JSON.stringify(trigger.state.cursor)).toBe(cursorBefore);

		zoho.clearFaults();
		const result = await trigger.poll();
		expect(ids(result)).toEqual([...events].reverse().map((event) => event.event_id));
		expect(await trigger.poll()).toBeNull();
	});

	it('picks up after a restart what happened while n8n was down, from the cursor saved at activation', async () => {
		const trigger = poller();
		await trigger.activate();
		trigger.restart();
		const missed = await happens('paymentDeclined', { secondsAgo: 1 });
		expect(ids(await trigger.activate())).toEqual([missed.event_id]);
	});

	it('Fetch Test Event returns the latest matching event and leaves the cursor alone', async () => {
		await happens('invoiceCreated', { secondsAgo: 50 });
		const latest = await happens('invoiceCreated', { secondsAgo: 10 });
		await happens('paymentDeclined', { secondsAgo: 5 });
		const trigger = poller({ events: ['invoice_created'] });
		expect(ids(await trigger.poll('manual'))).toEqual([latest.event_id]);
		expect(trigger.state).toEqual({});

		const empty = poller({ events: ['card_deleted'] });
		await expect(empty.poll('manual')).rejects.toThrow(
			'No recent Zoho Billing event matches the Events and Emit settings',
		);
	});

	it.each([
		[
			{ options: { maxEventsPerPoll: 0 } },
			'Options > Max Events per Poll must be a whole number from 1 to 1000, got 0',
		],
		[
			{ options: { concurrency: 11 } },
			'Options > Payload Concurrency must be a whole number from 1 to 10, got 11',
		],
		[
			{ options: { dailyCallBudget: -1 } },
			'Options > Daily Call Budget must be a whole number from 0 to 100000, got -1',
		],
		[
			{ startFrom: 'date', startDate: 'soon' },
			'Start Date must be a date such as 2026-11-01 or 2026-11-01T09:00:00Z, got "soon"',
		],
	])('refuses %j naming the parameter, before calling Zoho', async (parameters, message) => {
		await expect(poller(parameters).poll()).rejects.toThrow(message);
		expect(zoho.requests).toHaveLength(0);
	});
});

describe('Daily Call Budget', () => {
	const MINUTE = 60_000;
	let now: number;
	beforeEach(() => {
		// A day that starts at UTC midnight, n8n's "Every Minute" firing at second 17 of each minute.
		now = Date.parse('2026-12-07T00:00:17Z');
		jest.spyOn(Date, 'now').mockImplementation(() => now);
	});
	afterEach(() => jest.restoreAllMocks());

	/** The trigger with the default budget (the option not set), or the budget given. */
	const budgeted = (
		options: Record<string, unknown> = {},
		parameters: Record<string, unknown> = {},
	) =>
		new PollingTriggerHarness(
			{ events: ['*'], emit: 'all', startFrom: 'now', ...parameters, options },
			zohoCredentials(zoho),
		);
	const zohoCalls = () => zoho.requestsTo('/billing/v1/').length;

	it("holds a day of n8n's default Every Minute to 500 idle calls, not 1,440", async () => {
		await happens('subscriptionCreated', { secondsAgo: 3600 });
		const trigger = budgeted();
		expect(await trigger.activate()).toBeNull();
		for (let tick = 1; tick < 1440; tick++) {
			now += MINUTE;
			expect(await trigger.poll()).toBeNull();
		}
		expect(zohoCalls()).toBe(500);
		expect(listCalls()).toBe(500);
		expect(trigger.state.budget).toMatchObject({ day: '2026-12-07', calls: 500 });
		expect(trigger.warnings).toEqual([]);
	});

	it('fetches events at the next allowed poll, even past the budget, and logs the day once', async () => {
		// 24 calls a day: one poll an hour.
		const trigger = budgeted({ dailyCallBudget: 24 });
		await trigger.activate();
		const arrivals: string[] = [];
		const emitted: unknown[] = [];
		for (let tick = 1; tick < 1440; tick++) {
			now += MINUTE;
			// Three events every two hours: 36 payload calls today, on top of 24 list calls.
			if (tick % 120 === 10) {
				for (const secondsAgo of [2, 1, 0])
					arrivals.push((await happens('paymentDeclined', { secondsAgo })).event_id);
			}
			const result = await trigger.poll();
			if (result) {
				emitted.push(...ids(result));
				// At the first poll of the next hour: never later.
				expect(new Date(now).getUTCMinutes()).toBe(0);
			}
		}
		expect(emitted).toEqual(arrivals);
		expect(listCalls()).toBe(24);
		expect(fetchCalls()).toBe(36);
		expect(trigger.warnings).toHaveLength(1);
		expect(trigger.warnings[0]).toContain(
			'Zoho Billing Polling Trigger "Zoho Billing Polling Trigger" (workflow poll-wf) has made 25 Zoho Billing API calls today (UTC), past its Daily Call Budget of 24',
		);

		// The next day counts again from nothing, and says so again only once it passes the budget.
		now = Date.parse('2026-12-08T00:00:17Z');
		expect(await trigger.poll()).toBeNull();
		expect(trigger.state.budget).toMatchObject({ day: '2026-12-08', calls: 1 });
		expect(trigger.warnings).toHaveLength(1);
	});

	it('hands a backlog on at every poll n8n starts, then keeps to the budget again', async () => {
		for (let index = 0; index < 5; index++)
			await happens('invoiceCreated', { secondsAgo: 600 - index });
		const trigger = budgeted(
			{ maxEventsPerPoll: 2 },
			{ startFrom: 'date', startDate: new Date(now - 3600_000).toISOString() },
		);
		const handed = [ids(await trigger.activate())];
		for (let tick = 1; tick <= 3; tick++) {
			now += MINUTE;
			handed.push(ids(await trigger.poll()));
		}
		expect(handed.map((batch) => batch.length)).toEqual([2, 2, 1, 0]);
		const callsAfterBacklog = zohoCalls();
		// Minute 3 found the list drained; minutes 4 and 5 share its slot and make no call.
		now += MINUTE;
		expect(await trigger.poll()).toBeNull();
		now += MINUTE;
		expect(await trigger.poll()).toBeNull();
		expect(zohoCalls()).toBe(callsAfterBacklog);
	});
});
