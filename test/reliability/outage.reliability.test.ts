/**
 * No billing event lost when webhooks cannot arrive, on a real n8n with the stand-ins.
 *   1. n8n is stopped while Zoho records 1,000 events, whose webhook deliveries to n8n fail. n8n comes
 *      back, and the polling sync, and separately the daily replay (made to run every minute), bring
 *      every event to MoEngage: none lost, none twice.
 *   2. Zoho answers 429 in the middle of polls, per minute (absorbed by the retries), then for its
 *      daily cap (the poll fails as an error execution with Zoho's message): no event lost or
 *      repeated, and the polls resume where they stopped.
 *   3. Zoho delivers the same events again to the webhook sync: each reaches MoEngage once.
 * `npm run test:reliability -- outage`.
 */

import polling from '../../examples/zoho-billing-polling-to-moengage.json';
import replay from '../../examples/zoho-billing-replay-failed-deliveries.json';
import { mapWithConcurrency } from '../../lib/concurrency';
import {
	ExampleEnvironment,
	SYNC_WEBHOOK_PATH,
	PACKAGE,
	isFinished,
	withNodeParameters,
} from '../support/example-environment';
import { WEBHOOK_SECRET } from '../support/zoho-webhook-signer';
import { N8nInstance } from '../support/n8n-instance';
import { billingDelivery } from '../support/billing-events';
import { reportFigures } from '../support/report';
import { size } from '../support/size';
import { checkForLeakedSecrets } from '../support/secrets';

const EVENTS = size(1000);
const CAPPED_EVENTS = size(600);
const REDELIVERED = size(100);
const POLLING_WORKFLOW_ID = 'outagePolling0001';
const REPLAY_WORKFLOW_ID = 'outageReplay00001';

/** The polling example, every minute (its Daily Call Budget off: this suite measures recovery), at most 500 events a poll. */
const pollingWorkflow = withNodeParameters(
	polling,
	POLLING_WORKFLOW_ID,
	`${PACKAGE}.zohoBillingPollingTrigger`,
	{
		pollTimes: { item: [{ mode: 'everyMinute' }] },
		options: { maxEventsPerPoll: 500, dailyCallBudget: 0 },
	},
);
/** The replay example, every minute instead of every day. */
const replayWorkflow = withNodeParameters(
	replay,
	REPLAY_WORKFLOW_ID,
	'n8n-nodes-base.scheduleTrigger',
	{
		rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] },
	},
);

type MoEngageEvent = {
	customer_id: string;
	actions: Array<{ attributes: { zoho_event_id?: string } }>;
};

/** What reached MoEngage of these events: users, events, and events recorded more than once. */
function arrivals(environment: ExampleEnvironment, emails: string[], eventIds: string[]) {
	const users = new Set(
		environment.moEngage.users.map((user: { customer_id: string }) => user.customer_id),
	);
	const wanted = new Set(eventIds);
	const counts = new Map<string, number>();
	for (const event of environment.moEngage.events as MoEngageEvent[]) {
		const id = event.actions[0]?.attributes?.zoho_event_id;
		if (id && wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return {
		lost: emails.filter((email) => !users.has(email)).length,
		eventsArrived: counts.size,
		duplicates: [...counts.values()].reduce((sum, count) => sum + count - 1, 0),
	};
}

/** Zoho records `count` events now; each webhook delivery goes to the sync workflow's URL. */
async function zohoRecords(
	environment: ExampleEnvironment,
	run: string,
	count: number,
	deliver: boolean,
) {
	const deliveries = Array.from({ length: count }, (_, index) =>
		billingDelivery(index, run, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')),
	);
	const url = `${environment.n8n.webhookBaseUrl}/webhook/${SYNC_WEBHOOK_PATH}`;
	const recorded = await mapWithConcurrency(deliveries, 20, async (delivery) =>
		environment.zoho.record(
			delivery.event as never,
			deliver ? { url, secret: WEBHOOK_SECRET } : undefined,
		),
	);
	const delivered = recorded.filter(
		(event) => (event.webhooks as Array<{ status: string }>)?.[0]?.status === 'success',
	).length;
	return {
		emails: deliveries.map((delivery) => delivery.email),
		eventIds: deliveries.map((delivery) => delivery.eventId),
		delivered,
	};
}

const zohoCalls = (environment: ExampleEnvironment) => ({
	list: environment.zoho.requests.filter((request) => request.path === '/billing/v1/events').length,
	fetch: environment.zoho.requestsTo('/billing/v1/events/').length,
});

async function executionsOf(environment: ExampleEnvironment, workflowId: string) {
	return (await environment.executions()).filter(
		(execution) => execution.workflowId === workflowId,
	);
}

describe.each([
	['the polling sync', pollingWorkflow],
	['the daily replay of failed deliveries', replayWorkflow],
])('outage: n8n down while Zoho records events; %s recovers them', (name, workflow) => {
	let environment: ExampleEnvironment;

	beforeAll(async () => {
		environment = await ExampleEnvironment.start({
			n8n: () => N8nInstance.create(),
			workflows: [workflow],
		});
	}, 600_000);

	afterAll(async () => {
		await environment?.stop();
		environment?.n8n.cleanUp();
	});

	it(`brings all ${EVENTS} events to MoEngage once`, async () => {
		await environment.n8n.stop();
		const { emails, eventIds, delivered } = await zohoRecords(
			environment,
			`outage-${workflow.id}`,
			EVENTS,
			true,
		);
		expect(delivered).toBe(0); // n8n was down: every delivery failed
		const callsBefore = zohoCalls(environment);
		const restarted = performance.now();
		await environment.n8n.start();

		const result = await environment.until(
			`all ${EVENTS} users at MoEngage through ${name}`,
			() => {
				const now = arrivals(environment, emails, eventIds);
				return now.lost === 0 && now.eventsArrived === EVENTS ? now : undefined;
			},
			600_000,
		);
		const syncedAfterS = (performance.now() - restarted) / 1000;
		// One more run of the workflow, started after everything arrived: a poll or replay that came too
		// late would show now as a duplicate.
		const runs =
			workflow === pollingWorkflow
				? await environment.nextPollOf(workflow.id)
				: await environment.nextRunOf(workflow.id);
		const settled = arrivals(environment, emails, eventIds);
		const calls = zohoCalls(environment);
		reportFigures(`outage (${name})`, {
			'events recorded while n8n was down': EVENTS,
			'webhook deliveries that reached n8n': delivered,
			'users at MoEngage': EVENTS - settled.lost,
			'events at MoEngage': settled.eventsArrived,
			'lost (target 0)': settled.lost,
			'duplicates (target 0)': settled.duplicates,
			'all synced after (s, from n8n restart)': syncedAfterS.toFixed(1),
			'workflow runs': `${runs.length} (${runs.filter((run) => run.status === 'success').length} successful)`,
			'Zoho calls: list / fetch': `${calls.list - callsBefore.list} / ${calls.fetch - callsBefore.fetch}`,
		});
		expect(result.lost).toBe(0);
		expect(settled).toEqual({ lost: 0, eventsArrived: EVENTS, duplicates: 0 });
	});

	if (workflow === pollingWorkflow) {
		it(`loses and repeats none of ${CAPPED_EVENTS} events when Zoho answers 429 mid-poll`, async () => {
			const { emails, eventIds } = await zohoRecords(environment, 'capped', CAPPED_EVENTS, false);
			// Per minute: three calls answered 429 with Retry-After, absorbed by the transport's retries.
			environment.zoho.failNext({
				status: 429,
				body: { code: 44, message: 'Too many requests. Please try again after some time.' },
				headers: { 'retry-after': '1' },
				pathPrefix: '/billing/v1/events/',
				after: Math.floor(CAPPED_EVENTS / 12),
				times: 3,
			});
			// The daily cap: every payload call from about the 40th percent of them on, past every retry.
			environment.zoho.failNext({
				status: 429,
				body: { code: 1070, message: 'API calls limit exceeded for the day' },
				headers: { 'retry-after': '0' },
				pathPrefix: '/billing/v1/events/',
				after: Math.floor(CAPPED_EVENTS * 0.4),
				times: 1_000_000,
			});
			const failedRun = await environment.until(
				'a poll failing on the daily cap',
				async () =>
					(await executionsOf(environment, POLLING_WORKFLOW_ID)).find(
						(run) => run.status === 'error',
					),
				300_000,
			);
			const failure = (await environment.execution(failedRun.id)).data;
			expect(failure).toContain('Zoho Billing error 1070: API calls limit exceeded for the day');
			expect(arrivals(environment, emails, eventIds).eventsArrived).toBe(0); // the failed poll emitted nothing
			environment.zoho.clearFaults(); // the next day

			await environment.until(
				`all ${CAPPED_EVENTS} capped events at MoEngage`,
				() =>
					arrivals(environment, emails, eventIds).eventsArrived === CAPPED_EVENTS
						? true
						: undefined,
				300_000,
			);
			const runs = await environment.nextPollOf(POLLING_WORKFLOW_ID);
			const settled = arrivals(environment, emails, eventIds);
			reportFigures('outage (429 mid-poll)', {
				'events recorded': CAPPED_EVENTS,
				'polls that failed on the daily cap': runs.filter((run) => run.status === 'error').length,
				'events at MoEngage': settled.eventsArrived,
				'lost (target 0)': settled.lost,
				'duplicates (target 0)': settled.duplicates,
			});
			expect(settled).toEqual({ lost: 0, eventsArrived: CAPPED_EVENTS, duplicates: 0 });
		});
	} else {
		it(`records ${REDELIVERED} events once each when Zoho delivers each again`, async () => {
			/** Delivers events `concurrency` at a time, waits until all are at MoEngage, delivers them again. */
			const deliverTwice = async (run: string, concurrency: number) => {
				const deliveries = Array.from({ length: REDELIVERED }, (_, index) =>
					billingDelivery(index, run),
				);
				const emails = deliveries.map((delivery) => delivery.email);
				const eventIds = deliveries.map((delivery) => delivery.eventId);
				const deliverAll = async (width: number) => {
					const answers = await mapWithConcurrency(deliveries, width, async ({ event }) =>
						environment.deliver(event),
					);
					expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
				};
				if (concurrency === 1) {
					// One at a time through the whole workflow: n8n answers the webhook before the execution
					// runs, so waiting for the answer alone still lets executions overlap (one CI run counted
					// a duplicate from exactly that). Each event is at MoEngage before the next is sent.
					for (const [index, { event }] of deliveries.entries()) {
						expect((await environment.deliver(event)).status).toBe(200);
						await environment.until(`event ${index} of ${run} at MoEngage`, () =>
							arrivals(environment, emails, eventIds).eventsArrived > index ? true : undefined,
						);
					}
				} else {
					await deliverAll(concurrency);
				}
				await environment.until(
					`${REDELIVERED} events of ${run} at MoEngage`,
					() =>
						arrivals(environment, emails, eventIds).eventsArrived === REDELIVERED
							? true
							: undefined,
					300_000,
				);
				// Zoho delivers every one again (a resend from its Events page, or a retry of a delivery whose
				// answer it missed): Remove Duplicates must drop them.
				const runsBefore = (await environment.executions()).length;
				await deliverAll(10);
				await environment.until(
					`the repeated deliveries of ${run}`,
					async () =>
						(await environment.executions()).length >= runsBefore + REDELIVERED ? true : undefined,
					300_000,
				);
				await environment.until(
					'every execution to finish',
					async () =>
						(await environment.executions()).every((execution) => isFinished(execution.status)),
					300_000,
				);
				return arrivals(environment, emails, eventIds);
			};

			const oneAtATime = await deliverTwice('again', 1);
			// The same when the first deliveries were processed ten at a time: measured, not asserted. n8n's
			// Remove Duplicates keeps its history in one database row that each execution reads and writes
			// back; executions that overlap overwrite each other's additions (n8n 2.40, deduplication-helper),
			// so some IDs are not remembered and their repeat passes.
			const tenAtATime = await deliverTwice('burst', 10);
			reportFigures('outage (repeated webhook deliveries)', {
				'events delivered, then delivered again': REDELIVERED,
				'first deliveries one at a time: duplicates (target 0)': oneAtATime.duplicates,
				'first deliveries ten at a time: duplicates (measured)': `${tenAtATime.duplicates} of ${REDELIVERED}`,
			});
			expect(oneAtATime).toEqual({ lost: 0, eventsArrived: REDELIVERED, duplicates: 0 });
		});
	}

	it('leaks no secret', async () => {
		const { leaks, bytesSearched } = await checkForLeakedSecrets(
			environment,
			`customer.outage-${workflow.id}.0@example.com`,
		);
		reportFigures(`outage (${name}): secrets`, {
			'bytes searched': bytesSearched,
			'leaks': leaks.length,
		});
		expect(leaks).toEqual([]);
	});
});
