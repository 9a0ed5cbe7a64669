/**
 * What every MoEngage operation shares (nodes/shared/moengage/): retries and rate limits, MoEngage's
 * errors, secrets kept out of them, and each data center's URL.
 */
import nock from 'nock';

import { people, userParameters } from '../../fixtures/moengage-users';
import { moEngageCredentials } from '../../support/credentials';
import { MOENGAGE_NODE as NODE, moEngageNode } from '../../support/nodes';
import { runWorkflow } from '../../support/run-workflow';
import {
	MOENGAGE_API_KEY,
	MOENGAGE_AUTHORIZATION,
	MOENGAGE_WORKSPACE_ID,
} from '../../support/stand-ins/moengage';
import { moEngageForEachTest } from '../../support/for-each-test';

const moEngage = moEngageForEachTest();

describe('errors and retries', () => {
	const oneUser = () =>
		moEngageNode({
			resource: 'user',
			operation: 'createOrUpdate',
			identifyBy: 'customerId',
			customerId: 'u-1001',
			options: { sendMode: 'perItem' },
		});

	it('waits for x-ratelimit-reset as seconds-to-wait on 429, then succeeds', async () => {
		moEngage.failNext({
			status: 429,
			body: {
				status: 'fail',
				error: { type: 'RateLimitError', message: 'Rate limit exceeded', request_id: 'rl1' },
			},
			headers: {
				'x-ratelimit-limit': '10000',
				'x-ratelimit-remaining': '0',
				'x-ratelimit-reset': '1',
			},
			times: 1,
		});
		const started = Date.now();
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(moEngage.requests).toHaveLength(2);
		expect(output(NODE)[0].json.status).toBe('success');
	});

	it('waits for x-ratelimit-reset as an epoch time on 429', async () => {
		moEngage.failNext({
			status: 429,
			body: {
				status: 'fail',
				error: {
					type: 'Rate Limits Exceeded',
					message: 'Rate limits for customers exceeded. Please Try After Some Time',
				},
			},
			headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) },
			times: 1,
		});
		const started = Date.now();
		await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(moEngage.users).toHaveLength(1);
	});

	it("retries 5xx and gives up after the cap with MoEngage's message", async () => {
		moEngage.failNext({
			status: 500,
			body: {
				status: 'fail',
				error: { type: 'ServerError', message: 'Internal error', request_id: 'se1' },
			},
			headers: { 'retry-after': '0' },
			times: 50,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(6);
		expect(error(NODE)?.message).toBe('MoEngage ServerError: Internal error');
		expect((error(NODE) as { description?: string }).description).toBe(
			'HTTP 500, request ID se1, gave up after 6 attempts.',
		);
	});

	it('takes the retry cap from Options > Retries', async () => {
		moEngage.failNext({
			status: 503,
			body: { status: 'fail', error: { type: 'ServerError', message: 'Unavailable' } },
			headers: { 'retry-after': '0' },
			times: 50,
		});
		const node = moEngageNode({
			resource: 'user',
			operation: 'createOrUpdate',
			identifyBy: 'customerId',
			customerId: 'u-1001',
			options: { maxRetries: 0 },
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [node],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(1);
		expect(error(NODE)?.message).toBe('MoEngage ServerError: Unavailable');
	});

	it('gives up on an attempt that stalls past Options > Timeout and retries it', async () => {
		moEngage.failNext({
			status: 200,
			body: { status: 'success', message: 'late' },
			delayMs: 4000,
			times: 1,
		});
		const node = moEngageNode({
			resource: 'user',
			operation: 'createOrUpdate',
			identifyBy: 'customerId',
			customerId: 'u-1001',
			options: { timeout: 1000 },
		});
		const started = Date.now();
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [node],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(Date.now() - started).toBeLessThan(3900);
		expect(moEngage.requests).toHaveLength(2);
		expect(moEngage.users).toHaveLength(1);
		expect(output(NODE)[0].json).toMatchObject({ status: 'accepted', delivery: 'bulk' });
	});

	it.each([
		[{ maxRetries: 11 }, 'Options > Retries must be a whole number from 0 to 10, got 11'],
		[
			{ maxRetries: '={{ "three" }}' },
			'Options > Retries must be a whole number from 0 to 10, got "three"',
		],
		[{ timeout: 10 }, 'Options > Timeout must be a whole number from 1000 to 3600000, got 10'],
	])('refuses Options %j with an error naming the option', async (options, message) => {
		const node = moEngageNode({
			resource: 'user',
			operation: 'createOrUpdate',
			identifyBy: 'customerId',
			customerId: 'u-1001',
			options,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [node],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)?.message).toBe(message);
		expect(moEngage.requests).toHaveLength(0);
	});

	it('fails on a wrong API key (401) without retrying it as a transient error', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl, { apiKey: 'example-wrong-key' }),
		});
		expect(error(NODE)?.message).toBe(
			'MoEngage Authentication required: App Secret key mismatch. Please login to the dashboard to verify key',
		);
		expect((error(NODE) as { httpCode?: string }).httpCode).toBe('401');
		// n8n-core itself repeats a request once after a 401 (its re-authentication step); the node adds no retry.
		expect(moEngage.requests).toHaveLength(2);
	});

	it('treats HTTP 200 with status "fail" as an error', async () => {
		moEngage.failNext({
			status: 200,
			body: { status: 'fail', error: { type: 'Blacklisted', message: 'Event is blacklisted' } },
			times: 1,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)?.message).toBe('MoEngage Blacklisted: Event is blacklisted');
	});

	it('passes MoEngage 4xx answers through without retrying', async () => {
		moEngage.failNext({
			status: 400,
			body: {
				status: 'fail',
				error: {
					type: 'MissingAttributeError',
					message: 'customer_id is not found in the payload',
					request_id: 'ma1',
				},
			},
			times: 1,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)?.message).toBe(
			'MoEngage MissingAttributeError: customer_id is not found in the payload',
		);
		expect(moEngage.requests).toHaveLength(1);
	});

	it('with Continue On Fail, marks every item of a failed bulk request, paired', async () => {
		moEngage.failNext({
			status: 413,
			body: {
				status: 'fail',
				error: { type: 'PayloadTooLarge', message: 'Payload size exceeds 100 KB' },
			},
			times: 1,
		});
		const { output } = await runWorkflow({
			items: people,
			nodes: [moEngageNode(userParameters(), { continueOnFail: true })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE).map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
			[{ item: 1 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
			[{ item: 2 }, 'MoEngage PayloadTooLarge: Payload size exceeds 100 KB'],
		]);
	});

	it('never puts the Data API key into errors or output', async () => {
		moEngage.failNext({
			status: 400,
			body: {
				status: 'fail',
				error: { type: 'InvalidParams', message: 'Given app_id is invalid.' },
			},
			times: 1,
		});
		const failed = await runWorkflow({
			items: [{}],
			nodes: [oneUser()],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const passed = await runWorkflow({
			items: people,
			nodes: [moEngageNode(userParameters())],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const err = failed.error(NODE);
		const serialized = [
			JSON.stringify(failed.run.data.resultData),
			JSON.stringify(err, Object.getOwnPropertyNames(err)),
			JSON.stringify(passed.run.data.resultData),
		].join('');
		expect(serialized).toContain('Given app_id is invalid.');
		expect(serialized).not.toContain(MOENGAGE_API_KEY);
		expect(serialized).not.toContain(MOENGAGE_AUTHORIZATION.slice('Basic '.length));
	});
});

describe('MoEngage URLs per data center', () => {
	afterEach(() => nock.cleanAll());

	it.each(['01', '02', '03', '04', '05', '06', '101'])(
		'DC-%s goes to https://api-%s.moengage.com/v1',
		async (dc) => {
			const seen: Array<{ path: string; body: unknown; headers: Record<string, unknown> }> = [];
			nock(`https://api-${dc}.moengage.com`)
				.post(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`)
				.reply(function (path, body) {
					const {
						authorization,
						'moe-appkey': appKey,
						'content-type': contentType,
					} = this.req.headers;
					seen.push({
						path,
						body,
						headers: { authorization, 'moe-appkey': appKey, 'content-type': contentType },
					});
					return [
						200,
						{
							status: 'success',
							message: 'Your request has been accepted and will be processed soon.',
						},
					];
				});
			const { output } = await runWorkflow({
				items: [{ id: 'u-1001' }],
				nodes: [
					moEngageNode({
						resource: 'user',
						operation: 'createOrUpdate',
						identifyBy: 'customerId',
						customerId: '={{ $json.id }}',
					}),
				],
				credentials: moEngageCredentials('', { dataCenter: dc }),
			});
			expect(seen).toEqual([
				{
					path: `/v1/transition/${MOENGAGE_WORKSPACE_ID}`,
					body: {
						type: 'transition',
						elements: [{ type: 'customer', customer_id: 'u-1001', attributes: {} }],
					},
					headers: {
						'authorization': MOENGAGE_AUTHORIZATION,
						'moe-appkey': MOENGAGE_WORKSPACE_ID,
						'content-type': 'application/json',
					},
				},
			]);
			expect(output(NODE)[0].json.status).toBe('accepted');
		},
	);
});
