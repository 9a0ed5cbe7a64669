/**
 * The load run both the single-process and the queue-mode suites make: `count` signed deliveries
 * sent all at once, then the wait until every one of them has reached MoEngage and every execution
 * has finished. Returns the figures to report; the suites make the assertions.
 */
import type { ExampleEnvironment, PostedWebhook } from '../../e2e/support/example-environment';
import { billingDelivery } from './billing-events';

export interface LoadFigures {
	deliveries: number;
	answers: PostedWebhook[];
	/** Emails of the deliveries that never reached MoEngage (should be none). */
	missing: string[];
	executionsByStatus: Record<string, number>;
	answeredSeconds: number;
	syncedSeconds: number;
	moEngageRequests: number;
}

export function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export async function deliverAllAtOnce(environment: ExampleEnvironment, count: number, run: string, timeoutMs = 600_000): Promise<LoadFigures> {
	const deliveries = Array.from({ length: count }, (_, index) => billingDelivery(index, run));
	const requestsBefore = environment.moEngage.requestCount;
	const executionsBefore = (await environment.executions()).length;
	const started = performance.now();
	const answers = await Promise.all(deliveries.map(async ({ event }) => await environment.deliver(event)));
	const answeredSeconds = (performance.now() - started) / 1000;

	const synced = () => new Set(environment.moEngage.users.map((user: { customer_id: string }) => user.customer_id));
	// Only accepted deliveries can arrive; refused ones are reported through `answers`.
	const wanted = deliveries.filter((_, index) => answers[index].status === 200).map((delivery) => delivery.email);
	let missing = wanted;
	try {
		await environment.until(
			`all ${count} users in MoEngage`,
			() => {
				const seen = synced();
				missing = wanted.filter((email) => !seen.has(email));
				return missing.length === 0 ? true : undefined;
			},
			timeoutMs,
		);
	} catch {
		// Reported through `missing`; the suite asserts on it.
	}
	const syncedSeconds = (performance.now() - started) / 1000;

	// Executions finish (and are saved) a moment after their MoEngage call.
	const executionsByStatus = await environment.until(
		'every execution to finish',
		async () => {
			const all = await environment.executions();
			const executions = all.slice(0, Math.max(0, all.length - executionsBefore)); // newest first
			const byStatus: Record<string, number> = {};
			for (const { status } of executions) byStatus[status] = (byStatus[status] ?? 0) + 1;
			const finished = executions.length >= wanted.length && !byStatus.running && !byStatus.new;
			return finished ? byStatus : undefined;
		},
		120_000,
	);
	return {
		deliveries: count,
		answers,
		missing,
		executionsByStatus,
		answeredSeconds,
		syncedSeconds,
		moEngageRequests: environment.moEngage.requestCount - requestsBefore,
	};
}

/** The figures as report lines. */
export function loadReport(figures: LoadFigures): Record<string, string | number> {
	const latencies = figures.answers.map((answer) => answer.ms);
	const statuses: Record<string, number> = {};
	for (const { status, body } of figures.answers) {
		const key = status === 200 ? '200' : `${status} ${body.slice(0, 80)}`;
		statuses[key] = (statuses[key] ?? 0) + 1;
	}
	return {
		'deliveries sent at once': figures.deliveries,
		'webhook answers': JSON.stringify(statuses),
		'answer latency p50 / p99 (ms)': `${percentile(latencies, 0.5).toFixed(0)} / ${percentile(latencies, 0.99).toFixed(0)}`,
		'all answered after (s)': figures.answeredSeconds.toFixed(1),
		'all in MoEngage after (s)': figures.syncedSeconds.toFixed(1),
		'events per second, end to end': (figures.deliveries / figures.syncedSeconds).toFixed(1),
		'users missing in MoEngage': figures.missing.length,
		'MoEngage requests': figures.moEngageRequests,
		executions: JSON.stringify(figures.executionsByStatus),
	};
}
