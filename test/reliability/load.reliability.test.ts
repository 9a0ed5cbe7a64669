/**
 * Load against a real n8n (one process, SQLite, as `npm run dev` runs it): 1,000 signed Zoho Billing
 * webhooks delivered at the same moment to the webhook example. None is lost: every accepted one
 * reaches the MoEngage stand-in, refused ones are 5xx and arrive when sent again.
 * `npm run test:reliability -- load`.
 */
import { mapWithConcurrency } from '../../lib/concurrency';
import { ExampleEnvironment } from '../support/example-environment';
import { N8nInstance } from '../support/n8n-instance';
import {
	deliverAllAtOnce,
	explainMissingUsers,
	failedExecutionsHoldingNone,
	loadReport,
	recoverWithPollingSync,
	usersMissingAfterWaiting,
} from '../support/load';
import { reportFigures } from '../support/report';
import { size } from '../support/size';
import { checkForLeakedSecrets } from '../support/secrets';

const DELIVERIES = size(1000);
/**
 * n8n settings for this burst. A burst of 1,000 at once starves n8n's SQLite connection pool (default 2; 4 in the e2e runs): about
 * 2% of deliveries then fail inside n8n, before any node runs, with "operation timed out" while n8n
 * loads the webhook's credential. n8n's own remedies are a bigger pool and its concurrency control,
 * which queues executions beyond the limit instead of running them all at once. The README says so.
 */
const SQLITE_BURST_SETTINGS = {
	DB_SQLITE_POOL_SIZE: '10',
	N8N_CONCURRENCY_PRODUCTION_LIMIT: '20',
	// n8n 2.40 pings its database every 2 s and answers every webhook "503 Database is not ready!" while
	// pings time out. Under the burst the ping only waits behind busy connections (in one CI run 468 of
	// the 1,000 got that 503), so pings are given time, as in queue mode (n8n-cluster.js).
	DB_PING_TIMEOUT_MS: '120000',
	DB_PING_MAX_FAILURES_BEFORE_RECOVERY: '30',
};

/**
 * One n8n process with SQLite cannot take 1,000 deliveries at once without refusing some: n8n 2.40
 * gives a query 60 s (fixed) to get a connection from its SQLite pool, and under the burst some wait
 * longer. They are answered 500 ("operation timed out for an unknown reason", or "Workflow could not
 * be started!") before the workflow runs: 170 of 1,000 through the example without its Remove
 * Duplicates, 163 to 281 with it, in runs on 2 cores. Rarer (two CI runs, one delivery each), n8n
 * answers 200 and then aborts the execution on its database, keeping the event nowhere. What must
 * hold is that nothing is lost silently: every delivery answered 200 reaches MoEngage unless n8n holds
 * it nowhere and shows a failed execution for it; every other answer is a 5xx (a failed delivery for
 * Zoho, which the replay example finds); sending the refused ones again brings those users, and the
 * polling example, published after the burst, brings the ones n8n lost (Zoho counts those delivered).
 */
describe('load against a real n8n: the webhook example', () => {
	let environment: ExampleEnvironment;
	beforeAll(async () => {
		environment = await ExampleEnvironment.start({
			n8n: () => N8nInstance.create({ env: SQLITE_BURST_SETTINGS }),
		});
	}, 600_000);
	afterAll(async () => {
		await environment?.stop();
		environment?.n8n.cleanUp();
	});

	it(`loses none of ${DELIVERIES} concurrent deliveries: accepted ones arrive (or n8n's visible losses through the polling sync), refused ones are 5xx and arrive when sent again`, async () => {
		const figures = await deliverAllAtOnce(environment, DELIVERIES, 'load');
		const refused = figures.answers.flatMap((answer, index) =>
			answer.status === 200 ? [] : [{ index, answer }],
		);
		expect(refused.filter(({ answer }) => answer.status < 500)).toEqual([]);
		// An accepted delivery may be lost only by n8n itself, visibly: n8n holds it nowhere (so no
		// execution of this package's nodes had it), and for each one n8n shows a failed execution that
		// holds no delivery.
		const holdingNone = await failedExecutionsHoldingNone(
			environment,
			figures.sent.map(({ email }) => email),
		);
		const database = figures.missing.length > 0 ? environment.n8n.dumpDatabase() : '';
		const missingButHeld = figures.missing.filter((email) => database.includes(email));
		if (figures.missing.length > 0)
			reportFigures('load: accepted deliveries that did not arrive', {
				...loadReport(figures),
				'failed executions holding no delivery': holdingNone
					.map(({ id, error }) => `${id} (${error})`)
					.join('; '),
				...(await explainMissingUsers(environment, figures.missing)),
			});
		expect(missingButHeld).toEqual([]);
		expect(figures.missing.length).toBeLessThanOrEqual(holdingNone.length);
		// Every execution ended, and the failures are visible in n8n (none left running or queued):
		// n8n stopped changing any execution's status for two minutes with these still open.
		const notEnded = Object.keys(figures.executionsByStatus).filter(
			(status) => status !== 'success' && status !== 'error',
		);
		if (notEnded.length > 0) reportFigures('load: executions n8n left open', loadReport(figures));
		expect(notEnded).toEqual([]);

		const resentAnswers = await mapWithConcurrency(
			refused,
			10,
			async ({ index }) => await environment.deliver(figures.sent[index].event),
		);
		const missing = await usersMissingAfterWaiting(
			environment,
			figures.sent
				.map((delivery) => delivery.email)
				.filter((email) => !figures.missing.includes(email)),
			300_000,
		);
		// Zoho counts the lost ones as delivered, so only the polling sync brings them.
		const recovery =
			figures.missing.length > 0
				? await recoverWithPollingSync(environment, figures, figures.missing)
				: undefined;
		reportFigures('load (single n8n process, the webhook example)', {
			...loadReport(figures),
			'accepted, then aborted by n8n (failed executions, input kept nowhere)':
				figures.missing.length,
			'refused (5xx), then sent again 10 at a time': refused.length,
			'answers to the resends': JSON.stringify(
				resentAnswers.reduce<Record<number, number>>(
					(counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }),
					{},
				),
			),
			'users missing in MoEngage after the resends': missing.length,
			...(recovery && {
				'missing after the polling sync (Zoho calls)': `${recovery.missing.length} (${recovery.zohoCalls})`,
			}),
		});
		expect(resentAnswers.filter((answer) => answer.status !== 200)).toEqual([]);
		expect(missing).toEqual([]);
		expect(recovery?.missing ?? []).toEqual([]);
	});

	it("leaks no secret into n8n's log, database or error messages", async () => {
		// Any synced customer proves the database was read; not a fixed one, so that a delivery missing
		// in the first test does not fail this one too.
		const synced = environment.moEngage.users[0] as { customer_id: string } | undefined;
		const check = await checkForLeakedSecrets(environment, synced?.customer_id ?? 'no user synced');
		reportFigures('load: secrets', {
			'bytes searched': check.bytesSearched,
			'leaks': check.leaks.length,
		});
		expect(check.leaks).toEqual([]);
	});
});
