/**
 * The reliability suites' load driver must resend a delivery whose connection dropped, as a webhook
 * sender does, and never take the failure for an answer. Checked with a real `fetch` failure, since
 * its error comes from Node's realm (not Jest's) and that is what once slipped past the driver. It
 * must also stop waiting for a delivery n8n lost once nothing more can arrive, and find the failed
 * executions in which n8n kept no delivery.
 */
import { sleep } from 'n8n-workflow';

import type { ExampleEnvironment, PostedWebhook } from '../support/example-environment';
import { deliverAllAtOnce, failedExecutionsHoldingNone, loadReport } from '../support/load';

/**
 * An environment whose n8n answers every delivery 200 and syncs it, except the first `drops`, which
 * fail to connect; with `loseFirst`, n8n answers the first delivery 200 and fails its execution
 * without syncing it.
 */
function fakeEnvironment(drops: number, loseFirst = false) {
	const users: Array<{ customer_id: string }> = [];
	const delivered: string[] = [];
	const recordedInZoho: string[] = [];
	let attempts = 0;
	let failed = 0;
	const environment = {
		moEngage: { requestCount: 0, users },
		zoho: { record: async (event: { event_id: string }) => recordedInZoho.push(event.event_id) },
		executionCountsByStatus: async () => ({
			...(users.length > 0 && { success: users.length }),
			...(failed > 0 && { error: failed }),
		}),
		deliver: async (event: { event_id: string }): Promise<PostedWebhook> => {
			attempts++;
			// Port 9 (discard) is closed here: a genuine "fetch failed" from Node's own fetch.
			if (attempts <= drops) await fetch('http://127.0.0.1:9/');
			const [run, index] = event.event_id.split('-');
			if (loseFirst && index === '0') failed++;
			else users.push({ customer_id: `customer.${run}.${index}@example.com` });
			delivered.push(event.event_id);
			return { status: 200, body: '{"code":0}', ms: 1 };
		},
		until: async <T>(_what: string, check: () => T | undefined | Promise<T | undefined>) => {
			for (;;) {
				const value = await check();
				if (value !== undefined) return value;
				await sleep(5);
			}
		},
	};
	return { environment: environment as unknown as ExampleEnvironment, delivered, recordedInZoho };
}

it('resends a delivery whose connection failed and reports every answer', async () => {
	const { environment, delivered, recordedInZoho } = fakeEnvironment(1);
	const figures = await deliverAllAtOnce(environment, 3, 'resend');
	// Zoho records every event before delivering it, as the polling sync needs.
	expect(recordedInZoho).toEqual(['resend-0', 'resend-1', 'resend-2']);
	expect(figures.resent).toBe(1);
	expect(figures.answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
	expect([...delivered].sort()).toEqual(['resend-0', 'resend-1', 'resend-2']);
	expect(figures.missing).toEqual([]);
	expect(JSON.parse(loadReport(figures)['webhook answers'] as string)).toEqual({ '200': 3 });
});

it('reports a delivery that never got an answer, with the reason, after 5 attempts', async () => {
	const { environment } = fakeEnvironment(5);
	const figures = await deliverAllAtOnce(environment, 1, 'gone', 50);
	expect(figures.resent).toBe(4);
	expect(figures.answers).toEqual([
		{ status: 0, body: 'no answer after 5 attempts: fetch failed', ms: 0 },
	]);
	expect(loadReport(figures)['webhook answers']).toBe(
		JSON.stringify({ '0 no answer after 5 attempts: fetch failed': 1 }),
	);
}, 15_000);

it('stops waiting for a delivery n8n lost once every execution has ended, long before the timeout', async () => {
	const { environment } = fakeEnvironment(0, true);
	const started = Date.now();
	const figures = await deliverAllAtOnce(environment, 3, 'lost', 600_000);
	expect(figures.missing).toEqual(['customer.lost.0@example.com']);
	expect(figures.executionsByStatus).toEqual({ success: 2, error: 1 });
	expect(Date.now() - started).toBeLessThan(12_000); // checked every 5 s
}, 20_000);

it('finds the failed executions that hold none of the deliveries, with their stored error', async () => {
	// n8n's "flatted" execution data: the root first, every string member an index into the array.
	const failedHoldingNothing =
		'[{"resultData":"1"},{"error":"2","runData":"3"},{"message":"4"},{},"operation timed out for an unknown reason"]';
	const failedHoldingAnEvent =
		'[{"resultData":"1"},{"error":"2","runData":"3"},{"message":"4"},{"Sync":"5"},"MoEngage said no",["6"],"customer.x.1@example.com"]';
	const executions: Record<string, { status: string; data: string }> = {
		'1': { status: 'error', data: failedHoldingNothing },
		'2': { status: 'error', data: failedHoldingAnEvent },
		'3': { status: 'success', data: '[{}]' },
	};
	const environment = {
		executions: async () =>
			Object.entries(executions).map(([id, { status }]) => ({ id, workflowId: 'w', status })),
		execution: async (id: string) => executions[id],
	} as unknown as ExampleEnvironment;
	expect(
		await failedExecutionsHoldingNone(environment, [
			'customer.x.0@example.com',
			'customer.x.1@example.com',
		]),
	).toEqual([{ id: '1', error: 'operation timed out for an unknown reason' }]);
});
