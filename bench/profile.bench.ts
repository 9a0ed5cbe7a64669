/**
 * Where the time of the in-process benchmarks goes (engine, network, our code), from CPU profiles.
 * Writes docs/benchmark-results/profile.md; `TEST_SIZE=small npm run bench` runs it tiny.
 */
import { deliverWebhook } from '../test/support/deliver-webhook';
import { runWorkflow } from '../test/support/run-workflow';
import { signZohoWebhook } from '../test/support/zoho-webhook-signer';
import { zohoEvent } from '../test/fixtures';
import { MoEngageStandIn } from '../test/support/stand-ins/moengage';
import { StandInProcess } from '../test/support/stand-ins/in-own-process';
import { zohoCredentials, webhookCredentials } from '../test/support/credentials';
import { benchConfig } from './support/measure';
import {
	backfillEvents,
	backfillNode,
	moEngageCredentials,
	userUpdateNode,
	people,
} from './workloads';
import { profile, writeProfileReport } from './support/profile';

const config = benchConfig();
const sizes = config.smoke
	? { push: 200, deliveries: 100, backfill: 100 }
	: { push: 10_000, deliveries: 5_000, backfill: 5_000 };
const sections: Parameters<typeof writeProfileReport>[0] = [];

afterAll(() => writeProfileReport(sections, config.outputDir));

it(`profiles the MoEngage node pushing ${sizes.push} items (benchmark 1, ours)`, async () => {
	const standIn = await MoEngageStandIn.started();
	standIn.latencyMs = 5;
	standIn.recordRequests = false;
	const items = people(sizes.push);
	const node = userUpdateNode;
	const credentials = moEngageCredentials(standIn.baseUrl);
	await runWorkflow({ items: items.slice(0, 50), nodes: [node], credentials });
	const { value, shares, topOurs } = await profile(
		async () => await runWorkflow({ items, nodes: [node], credentials }),
	);
	await standIn.stop();
	expect(value.output('MoEngage')).toHaveLength(sizes.push);
	sections.push({
		title: `1. MoEngage node, ${sizes.push} items, batched`,
		shares,
		topOurs,
		note: 'Includes the stand-in (same process) parsing and checking the Bulk Import bodies.',
	});
});

it(`profiles the Zoho Billing Trigger taking ${sizes.deliveries} signed deliveries (benchmark 2, ours)`, async () => {
	// The trigger's webhook() in n8n-core's own WebhookContext (test/support/deliver-webhook.ts): what
	// benchmark 2 runs per request, less n8n's HTTP server, isolate and database. The harness builds a
	// Workflow per delivery, which counts as n8n engine here.
	const body = JSON.stringify(zohoEvent('subscriptionCreated'));
	const delivery = {
		parameters: { authentication: 'secretToken', events: ['*'] },
		credentials: webhookCredentials(),
		body,
		headers: {
			'content-type': 'application/json',
			'x-zoho-webhook-signature': signZohoWebhook(body),
		},
	};
	const deliverAll = async () => {
		let started = 0;
		for (let index = 0; index < sizes.deliveries; index++) {
			const { result } = await deliverWebhook(delivery);
			started += result.workflowData?.[0].length ?? 0;
		}
		return started;
	};
	await deliverAll(); // warm-up, not profiled
	// Timed inside the profiled function, so reading the profile afterwards is not counted.
	const { value, shares, topOurs } = await profile(async () => {
		const began = performance.now();
		const started = await deliverAll();
		return { started, msPerDelivery: (performance.now() - began) / sizes.deliveries };
	});
	const { started, msPerDelivery } = value;
	expect(started).toBe(sizes.deliveries);
	const ourShare = shares
		.filter(([where]) => where.startsWith('this package'))
		.reduce((sum, [, share]) => sum + share, 0);
	sections.push({
		title: `2. Zoho Billing Trigger, ${sizes.deliveries} signed deliveries`,
		shares,
		topOurs,
		note:
			`${(msPerDelivery * 1000).toFixed(0)} µs per delivery in all (profiler on), of which this package's own ` +
			`code about ${((msPerDelivery * 1000 * ourShare) / 100).toFixed(0)} µs: reading the body, the signature, ` +
			'the parse and the normalization. In benchmark 2 a delivery costs n8n milliseconds (its HTTP ' +
			'server, the expression isolate, saving the execution), so this code is not what makes a gap there.',
	});
});

it(`profiles Events backfill of ${sizes.backfill} payloads (benchmark 4)`, async () => {
	// In its own process, as in benchmark 4: the profile then holds only n8n and the node.
	const standIn = new StandInProcess(
		require.resolve('../test/support/stand-ins/zoho-billing'),
		'ZohoBillingStandIn',
	);
	await standIn.start();
	try {
		await standIn.set({
			latencyMs: 20,
			recordRequests: false,
			events: backfillEvents(sizes.backfill),
		});
		const { value, shares, topOurs } = await profile(
			async () =>
				await runWorkflow({
					items: [{}],
					nodes: [backfillNode],
					credentials: zohoCredentials(standIn),
				}),
		);
		expect(value.output('Zoho Billing')).toHaveLength(sizes.backfill);
		sections.push({
			title: `4. Events backfill, ${sizes.backfill} payloads`,
			shares,
			topOurs,
			note: 'The stand-in runs in its own process and holds every request 20 ms, so idle time is expected to dominate.',
		});
	} finally {
		await standIn.stop();
	}
});
