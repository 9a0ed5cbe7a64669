import { isRetryableStatus, retryDelayMs } from '../../lib/http/retry-policy';
import { httpFailureOf, withRetries } from '../../lib/http/with-retries';
import { zohoErrorOf } from '../../lib/zoho/api-response';

const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5_000 };
const NOW = 1_800_000_000_000; // ms; 1.8e9 s
/** The wait before the first retry, when the server says how long to wait (no jitter applies then). */
const serverRequestedDelayMs = (headers: Record<string, string>, now: number) =>
	retryDelayMs(0, { ...policy, maxDelayMs: Infinity }, headers, now, () => Number.NaN);

describe('retry policy', () => {
	it('retries 429, 5xx and network failures only', () => {
		expect([429, 500, 502, 503, 504, undefined].every(isRetryableStatus)).toBe(true);
		expect([400, 401, 403, 404, 409, 413, 415].some(isRetryableStatus)).toBe(false);
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(serverRequestedDelayMs({ 'Retry-After': '3' }, NOW)).toBe(3000);
		expect(serverRequestedDelayMs({ 'retry-after': new Date(NOW + 7000).toUTCString() }, NOW)).toBe(
			7000,
		);
	});

	it('reads x-ratelimit-reset both ways MoEngage documents it', () => {
		expect(serverRequestedDelayMs({ 'x-ratelimit-reset': '12' }, NOW)).toBe(12_000);
		expect(serverRequestedDelayMs({ 'X-RateLimit-Reset': String(NOW / 1000 + 20) }, NOW)).toBe(
			20_000,
		);
		expect(serverRequestedDelayMs({ 'x-ratelimit-reset': String(NOW / 1000 - 5) }, NOW)).toBe(0);
		// Without either header the wait is the backoff's, which the NaN jitter turns into NaN.
		expect(serverRequestedDelayMs({}, NOW)).toBeNaN();
	});

	it('backs off exponentially with jitter, and caps every wait', () => {
		expect([0, 1, 2, 3].map((retry) => retryDelayMs(retry, policy, {}, NOW, () => 1))).toEqual([
			100, 200, 400, 800,
		]);
		expect(retryDelayMs(2, policy, {}, NOW, () => 0)).toBe(200);
		expect(retryDelayMs(10, policy, {}, NOW, () => 1)).toBe(5_000);
		expect(retryDelayMs(0, policy, { 'retry-after': '3600' }, NOW)).toBe(5_000);
	});
});

describe('withRetries', () => {
	const failure = (status: number, headers: Record<string, string> = {}) =>
		Object.assign(new Error(`status ${status}`), {
			cause: { response: { status, headers, data: { code: status } } },
		});

	it('retries until success, sleeping the server-requested time', async () => {
		const sleeps: number[] = [];
		let calls = 0;
		const outcome = await withRetries(
			async () => {
				calls++;
				if (calls === 1) throw failure(429, { 'retry-after': '2' });
				if (calls === 2) throw failure(503);
				return 'done';
			},
			{
				policy,
				failureOf: httpFailureOf,
				sleep: async (ms) => void sleeps.push(ms),
				now: () => NOW,
				random: () => 1,
			},
		);
		expect(outcome).toEqual({ ok: true, value: 'done', attempts: 3 });
		expect(sleeps).toEqual([2000, 200]);
	});

	it('gives up after the cap with the last failure', async () => {
		const sleeps: number[] = [];
		const outcome = await withRetries(
			async () => {
				throw failure(500);
			},
			{
				policy,
				failureOf: httpFailureOf,
				sleep: async (ms) => void sleeps.push(ms),
				random: () => 1,
			},
		);
		expect(outcome).toMatchObject({
			ok: false,
			attempts: 4,
			failure: { status: 500, body: { code: 500 } },
		});
		expect(sleeps).toEqual([100, 200, 400]);
	});

	it('does not retry a 4xx, nor an error that is not HTTP', async () => {
		let calls = 0;
		const fourHundred = await withRetries(
			async () => {
				calls++;
				throw failure(400);
			},
			{ policy, failureOf: httpFailureOf, sleep: async () => {} },
		);
		expect(fourHundred).toMatchObject({ ok: false, attempts: 1, failure: { status: 400 } });
		const bug = new TypeError('boom');
		const notHttp = await withRetries(
			async () => {
				calls++;
				throw bug;
			},
			{ policy, failureOf: httpFailureOf, sleep: async () => {} },
		);
		expect(notHttp).toEqual({ ok: false, attempts: 1, failure: undefined, error: bug });
		expect(calls).toBe(2);
	});
});

describe('httpFailureOf', () => {
	it('reads n8n errors, raw client errors, network codes and bare http codes', () => {
		expect(httpFailureOf({ response: { status: 404, headers: { a: '1' }, data: 'x' } })).toEqual({
			status: 404,
			headers: { a: '1' },
			body: 'x',
		});
		expect(httpFailureOf({ cause: { code: 'ECONNRESET' } })).toEqual({
			status: undefined,
			headers: {},
			body: undefined,
			code: 'ECONNRESET',
		});
		expect(httpFailureOf({ httpCode: '502' })).toEqual({
			status: 502,
			headers: {},
			body: undefined,
		});
		expect(httpFailureOf(new Error('plain'))).toBeUndefined();
		expect(httpFailureOf('text')).toBeUndefined();
	});
});

describe('zohoErrorOf', () => {
	it('treats any non-zero code as an error, whatever the HTTP status', () => {
		expect(zohoErrorOf({ code: 0, message: 'success' })).toBeUndefined();
		expect(zohoErrorOf({ code: '0' })).toBeUndefined();
		expect(zohoErrorOf({ events: [] })).toBeUndefined();
		expect(zohoErrorOf({ code: 1002, message: 'Event does not exist.' })).toEqual({
			code: '1002',
			message: 'Event does not exist.',
		});
		expect(zohoErrorOf({ code: 57 })).toEqual({
			code: '57',
			message: 'Zoho Billing reported an error',
		});
	});
});
