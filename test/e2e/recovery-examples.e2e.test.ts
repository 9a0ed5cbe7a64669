/**
 * The two recovery examples in a real n8n, beside the webhook example: the polling sync
 * (examples/zoho-billing-polling-to-moengage.json) and the scheduled replay of failed deliveries
 * (examples/zoho-billing-replay-failed-deliveries.json), each made to run every minute.
 */
import polling from '../../examples/zoho-billing-polling-to-moengage.json';
import replay from '../../examples/zoho-billing-replay-failed-deliveries.json';
import { zohoEvent, type ZohoEventName } from '../fixtures';
import { ExampleEnvironment, withNodeParameters } from '../support/example-environment';
import { N8nInstance } from '../support/n8n-instance';
import { PACKAGE } from '../support/package-name';

let environment: ExampleEnvironment;
let serial = 0;

/** An event in Zoho Billing for its own customer, with its webhook delivery as Zoho recorded it. */
async function happens(fixture: ZohoEventName, delivery: 'success' | 'failure') {
	serial++;
	const body = zohoEvent(fixture) as {
		event_id: string;
		event_time: string;
		data: Record<string, Record<string, unknown>>;
	};
	body.event_id = String(4200000000000 + serial);
	body.event_time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	// Each event's customer gets an email of its own, to tell at MoEngage which path brought it.
	const email = `recovery-${serial}@example.com`;
	const resource = Object.values(body.data)[0];
	const customer = resource.customer as Record<string, unknown> | undefined;
	if (customer) customer.email = email;
	else resource.email = email;
	const event = await environment.zoho.record(body as never, undefined);
	event.webhooks = [
		{ webhook_id: '9030000020202', url: 'https://n8n.example/hook', status: delivery },
	];
	return { eventId: body.event_id, email };
}

const moEngageEventsOf = (email: string) =>
	environment.moEngage.events.filter(
		(event: { customer_id?: string }) => event.customer_id === email,
	);

let delivered: { email: string };
let failed: { email: string };

beforeAll(async () => {
	environment = await ExampleEnvironment.start({
		n8n: () => N8nInstance.create(),
		workflows: [
			withNodeParameters(polling, 'recoveryPolling01', `${PACKAGE}.zohoBillingPollingTrigger`, {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				// A budget of 1,440 calls a day lets a poll call Zoho every minute.
				options: { dailyCallBudget: 1440 },
			}),
			withNodeParameters(replay, 'recoveryReplay001', 'n8n-nodes-base.scheduleTrigger', {
				rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] },
			}),
		],
		// Before n8n starts: one event Zoho delivered, one whose delivery failed while n8n was away.
		beforeN8nStarts: async (started) => {
			environment = started;
			delivered = await happens('invoiceCreated', 'success');
			failed = await happens('paymentDeclined', 'failure');
		},
	});
}, 900_000);

afterAll(async () => {
	await environment?.stop();
	environment?.n8n.cleanUp();
});

describe('the recovery examples in a real n8n', () => {
	it('bring each missed event to MoEngage once: the new one by polling, the failed delivery by the replay', async () => {
		// After publishing, an event whose webhook went fine elsewhere: only the polling sync hands it on.
		const polled = await happens('subscriptionCreated', 'success');
		await environment.until(
			'the polled and the replayed event at MoEngage',
			() =>
				(moEngageEventsOf(polled.email).length > 0 && moEngageEventsOf(failed.email).length > 0) ||
				undefined,
			200_000,
		);
		// The replay runs again and must skip what it has replayed; the polling sync polls again.
		await Promise.all([
			environment.nextRunOf('recoveryReplay001'),
			environment.nextPollOf('recoveryPolling01'),
		]);
		expect(
			moEngageEventsOf(polled.email).map(
				(event: { actions: Array<{ action: string }> }) => event.actions[0].action,
			),
		).toEqual(['subscription_created']);
		expect(
			moEngageEventsOf(failed.email).map(
				(event: { actions: Array<{ action: string }> }) => event.actions[0].action,
			),
		).toEqual(['payment_declined']);
		expect(moEngageEventsOf(delivered.email)).toEqual([]);

		const executions = await environment.executions();
		const byWorkflow = (id: string) =>
			executions.filter((execution) => execution.workflowId === id);
		expect(byWorkflow('recoveryReplay001').length).toBeGreaterThanOrEqual(2);
		expect(
			byWorkflow('recoveryReplay001').every((execution) => execution.status === 'success'),
		).toBe(true);
		expect(byWorkflow('recoveryPolling01').map((execution) => execution.status)).toEqual([
			'success',
		]);
	});
});
