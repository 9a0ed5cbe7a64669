/**
 * Where the time of the in-process benchmarks goes (engine, network, our code), from CPU profiles.
 * Writes bench/profile.md; `npm run bench:smoke` runs it tiny.
 */
import { runWorkflow } from '../test/harness/run-workflow';
import { MoEngageStandIn } from '../test/stand-ins/moengage';
import { StandInProcess } from '../test/stand-ins/in-own-process';
import { zohoCredentials } from '../test/workflow/zoho-billing-credentials';
import { benchConfig } from './support/measure';
import {
	backfillEvents,
	backfillNode,
	moEngageCredentials,
	moEngageNode,
	people,
} from './workloads';
import { profile, writeProfileReport } from './support/profile';

const config = benchConfig();
const sizes = config.smoke ? { push: 200, backfill: 100 } : { push: 10_000, backfill: 5_000 };
const sections: Parameters<typeof writeProfileReport>[0] = [];

afterAll(() => writeProfileReport(sections, config.outputDir));

it(`profiles the MoEngage node pushing ${sizes.push} items (benchmark 1, ours)`, async () => {
	const standIn = new MoEngageStandIn();
	await standIn.start();
	standIn.latencyMs = 5;
	standIn.recordRequests = false;
	const items = people(sizes.push);
	const node = moEngageNode;
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

it(`profiles Events backfill of ${sizes.backfill} payloads (benchmark 4)`, async () => {
	// In its own process, as in benchmark 4: the profile then holds only n8n and the node.
	const standIn = new StandInProcess(
		require.resolve('../test/stand-ins/zoho-billing'),
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
