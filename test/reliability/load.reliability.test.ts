/**
 * Load against a real n8n (one process, SQLite, as `npm run dev` runs it): 1,000 signed Zoho Billing
 * webhooks delivered at the same moment; every one is answered 200, every execution succeeds and
 * every user reaches the MoEngage stand-in. `npm run test:load`.
 */
import { ExampleEnvironment } from '../e2e/support/example-environment';
import { N8nInstance } from '../e2e/support/n8n-instance';
import { deliverAllAtOnce, loadReport } from './support/load';
import { reportFigures, size } from './support/report';
import { checkForLeakedSecrets } from './support/secrets';

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

let environment: ExampleEnvironment;

beforeAll(async () => {
	environment = await ExampleEnvironment.start({
		n8n: () =>
			new N8nInstance({
				port: 8700 + Math.floor(Math.random() * 500) * 2,
				env: SQLITE_BURST_SETTINGS,
			}),
	});
}, 600_000);

afterAll(async () => {
	await environment?.stop();
	environment?.n8n.cleanUp();
});

describe('load against a real n8n', () => {
	it(`syncs ${DELIVERIES} concurrent webhook deliveries, every one`, async () => {
		const figures = await deliverAllAtOnce(environment, DELIVERIES, 'load');
		reportFigures('load (single n8n process)', loadReport(figures));
		expect(figures.answers.filter((answer) => answer.status !== 200)).toEqual([]);
		expect(figures.missing).toEqual([]);
		// Only successes; one more per resent delivery that n8n had in fact received.
		expect(Object.keys(figures.executionsByStatus)).toEqual(['success']);
		expect(figures.executionsByStatus.success).toBeGreaterThanOrEqual(DELIVERIES);
		expect(figures.executionsByStatus.success).toBeLessThanOrEqual(DELIVERIES + figures.resent);
		expect(
			new Set(environment.moEngage.users.map((user: { customer_id: string }) => user.customer_id))
				.size,
		).toBe(DELIVERIES);
	});

	it("leaks no secret into n8n's log, database or error messages", async () => {
		const check = await checkForLeakedSecrets(environment, 'customer.load.0@example.com');
		reportFigures('load: secrets', {
			'bytes searched': check.bytesSearched,
			'leaks': check.leaks.length,
		});
		expect(check.leaks).toEqual([]);
	});
});
