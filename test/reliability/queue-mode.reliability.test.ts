/**
 * The load test again, against n8n's distributed engine (queue mode): a main, a webhook processor and
 * two workers, with PostgreSQL and Redis from Debian's packages on 127.0.0.1. Webhooks arrive at the
 * webhook processor, executions run on whichever worker takes them, so the nodes must keep no state
 * in memory between executions: every delivery must still be synced exactly as in one process.
 * `npm run test:reliability -- queue-mode`.
 */
import { ExampleEnvironment } from '../support/example-environment';
import { N8nCluster } from '../support/n8n-cluster';
import { provisionServices } from '../support/services';
import { expectedUserUpdates } from '../fixtures/expected-moengage';
import { zohoEvent } from '../fixtures';
import { deliverAllAtOnce, explainMissingUsers, loadReport } from '../support/load';
import { reportFigures } from '../support/report';
import { size } from '../support/size';
import { checkForLeakedSecrets } from '../support/secrets';

const DELIVERIES = size(1000);
const WORKERS = 2;

let environment: ExampleEnvironment;
let cluster: N8nCluster;

beforeAll(async () => {
	provisionServices(['redis', 'postgres']);
	environment = await ExampleEnvironment.start({
		n8n: async () => {
			cluster = await N8nCluster.create({ workers: WORKERS });
			await cluster.prepare();
			return cluster;
		},
	});
}, 900_000);

afterAll(async () => {
	await environment?.stop();
	environment?.n8n.cleanUp();
});

describe('queue mode: main, webhook processor and workers on PostgreSQL and Redis', () => {
	it('syncs one event exactly as a single n8n does', async () => {
		const answer = await environment.deliver(zohoEvent('subscriptionCreated'));
		expect(answer.status).toBe(200);
		const user = await environment.until('the user update', () => environment.moEngage.users[0]);
		expect(user).toEqual(expectedUserUpdates.subscriptionCreated);
	});

	it(`syncs ${DELIVERIES} concurrent webhook deliveries, spread over ${WORKERS} workers`, async () => {
		const figures = await deliverAllAtOnce(environment, DELIVERIES, 'queue');
		// Each worker logs the executions it runs; both must have taken a share.
		const perWorker = cluster
			.workerNames()
			.map((name) => (cluster.processLog(name).match(/Worker started execution/g) ?? []).length);
		reportFigures('load (queue mode)', {
			...loadReport(figures),
			'executions run per worker': perWorker.join(' / '),
			...(await explainMissingUsers(environment, figures.missing)),
		});
		expect(figures.answers.filter((answer) => answer.status !== 200)).toEqual([]);
		expect(figures.missing).toEqual([]);
		// Only successes; one more per resent delivery that n8n had in fact received.
		expect(Object.keys(figures.executionsByStatus)).toEqual(['success']);
		expect(figures.executionsByStatus.success).toBeGreaterThanOrEqual(DELIVERIES);
		expect(figures.executionsByStatus.success).toBeLessThanOrEqual(DELIVERIES + figures.resent);
		expect(perWorker.every((count) => count > 0)).toBe(true);
	});

	it("leaks no secret into any process's log, the PostgreSQL database or error messages", async () => {
		const check = await checkForLeakedSecrets(environment, 'ana.silva@example.com');
		reportFigures('queue mode: secrets', {
			'bytes searched': check.bytesSearched,
			'leaks': check.leaks.length,
		});
		expect(check.leaks).toEqual([]);
	});
});
