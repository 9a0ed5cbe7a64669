/**
 * The reliability suites' load driver must resend a delivery whose connection dropped, as a webhook
 * sender does, and never take the failure for an answer. Checked with a real `fetch` failure, since
 * its error comes from Node's realm (not Jest's) and that is what once slipped past the driver.
 */
import { sleep } from 'n8n-workflow';

import type { ExampleEnvironment, PostedWebhook } from '../e2e/support/example-environment';
import { deliverAllAtOnce, loadReport } from '../reliability/support/load';

/** An environment whose n8n answers every delivery 200 and syncs it, except the first `drops`, which fail to connect. */
function fakeEnvironment(drops: number) {
	const users: Array<{ customer_id: string }> = [];
	const delivered: string[] = [];
	let attempts = 0;
	const environment = {
		moEngage: { requestCount: 0, users },
		executionCountsByStatus: async () => (users.length > 0 ? { success: users.length } : {}),
		deliver: async (event: { event_id: string }): Promise<PostedWebhook> => {
			attempts++;
			// Port 9 (discard) is closed here: a genuine "fetch failed" from Node's own fetch.
			if (attempts <= drops) await fetch('http://127.0.0.1:9/');
			const [run, index] = event.event_id.split('-');
			users.push({ customer_id: `customer.${run}.${index}@example.com` });
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
	return { environment: environment as unknown as ExampleEnvironment, delivered };
}

it('resends a delivery whose connection failed and reports every answer', async () => {
	const { environment, delivered } = fakeEnvironment(1);
	const figures = await deliverAllAtOnce(environment, 3, 'resend');
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
