/**
 * Bad input against a real n8n: generated webhook requests (fast-check) that each get exactly the
 * documented 4xx, while n8n stays up, no execution starts and nothing reaches MoEngage. Forged
 * signatures are rejected without exception. `npm run test:reliability -- bad-input`.
 */
import fc from 'fast-check';

import { mapWithConcurrency } from '../../lib/concurrency';
import { zohoEvent } from '../fixtures';
import { ExampleEnvironment, SYNC_WEBHOOK_PATH } from '../support/example-environment';
import { N8nInstance } from '../support/n8n-instance';
import { badRequest, type BadRequest, type BadRequestKind } from '../support/bad-requests';
import { reportFigures } from '../support/report';
import { size } from '../support/size';
import { checkForLeakedSecrets } from '../support/secrets';

const REQUESTS = size(1000);
const SEED = 20261123;

let environment: ExampleEnvironment;

beforeAll(async () => {
	environment = await ExampleEnvironment.start({
		n8n: () => N8nInstance.create(),
	});
}, 600_000);

afterAll(async () => {
	await environment?.stop();
	environment?.n8n.cleanUp();
});

describe('bad input against a real n8n', () => {
	const tally = new Map<BadRequestKind, { sent: number; documented: number }>();

	it(`answers ${REQUESTS} generated bad requests each with the documented 4xx`, async () => {
		const started = performance.now();
		const requests = fc.sample(badRequest, { numRuns: REQUESTS, seed: SEED });
		const mismatches: string[] = [];
		let sent = 0;
		// Sent eight at a time; each answer is checked against its request's documented status.
		await mapWithConcurrency(requests, 8, async (request: BadRequest) => {
			const answer = await environment.post(SYNC_WEBHOOK_PATH, request.body, request.headers);
			sent++;
			const entry = tally.get(request.kind) ?? { sent: 0, documented: 0 };
			entry.sent++;
			const documented =
				[request.status].flat().includes(answer.status) &&
				(answer.status !== 401 ||
					answer.body === '{"code":401,"message":"Missing or invalid X-Zoho-Webhook-Signature"}');
			if (documented) entry.documented++;
			else
				mismatches.push(
					`${request.kind} (${request.detail}): expected ${request.status}, got ${answer.status} ${answer.body.slice(0, 200)}`,
				);
			tally.set(request.kind, entry);
		});
		const seconds = (performance.now() - started) / 1000;
		const forged = tally.get('forged signature') ?? { sent: 0, documented: 0 };
		reportFigures('bad input', {
			'requests sent': sent,
			'answered as documented': `${[...tally.values()].reduce((sum, entry) => sum + entry.documented, 0)} / ${sent}`,
			'forged signatures rejected (401)': `${forged.documented} / ${forged.sent}`,
			...Object.fromEntries([...tally.entries()].map(([kind, entry]) => [`  ${kind}`, entry.sent])),
			'requests per second': (sent / seconds).toFixed(0),
			'fast-check seed': SEED,
		});
		expect(mismatches.slice(0, 20)).toEqual([]);
		expect(sent).toBeGreaterThanOrEqual(REQUESTS);
		expect(forged.sent).toBeGreaterThan(0);
		expect(forged.documented).toBe(forged.sent);
	});

	it('started no execution and sent nothing to MoEngage, and n8n is still up and syncing', async () => {
		expect(environment.moEngage.requestCount).toBe(0);
		expect(await environment.executions()).toEqual([]);
		const health = await fetch(`${environment.n8n.webhookBaseUrl}/healthz`);
		expect(health.status).toBe(200);

		// One genuine delivery afterwards still goes all the way through.
		const answer = await environment.deliver(zohoEvent('subscriptionCreated'));
		expect(answer.status).toBe(200);
		await environment.until('the genuine event in MoEngage', () =>
			environment.moEngage.users.length === 1 ? true : undefined,
		);
		expect(environment.moEngage.users[0].customer_id).toBe('ana.silva@example.com');
		const executions = await environment.until('the execution to finish', async () => {
			const all = await environment.executions();
			return all.length === 1 && all[0].status === 'success' ? all : undefined;
		});
		expect(executions).toHaveLength(1);
	});

	it("leaks no secret into n8n's log, database or error messages", async () => {
		const check = await checkForLeakedSecrets(environment, 'ana.silva@example.com');
		reportFigures('bad input: secrets', {
			'bytes searched': check.bytesSearched,
			'leaks': check.leaks.length,
		});
		expect(check.leaks).toEqual([]);
	});
});
