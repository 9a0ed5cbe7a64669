/**
 * What every Zoho Billing operation shares (nodes/shared/zoho-billing/): retries by repeatability,
 * token refresh, and errors that never carry a token or the client secret.
 */
import { eventsApiRecords } from '../../fixtures';
import { zohoCredentials } from '../../support/credentials';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../support/nodes';
import { runWorkflow } from '../../support/run-workflow';
import {
	ZOHO_ACCESS_TOKEN_PREFIX,
	ZOHO_CLIENT_SECRET,
	ZOHO_REFRESH_TOKEN,
} from '../../support/stand-ins/zoho-billing';
import { zohoBillingForEachTest } from '../../support/for-each-test';

const zoho = zohoBillingForEachTest((zoho) => {
	zoho.events = eventsApiRecords(8);
});

const eventsNode = (parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
	zohoBillingNode({ resource: 'event', ...parameters }, settings);

describe('retries', () => {
	it('retries 429 and 5xx, honouring Retry-After, then succeeds', async () => {
		zoho.failNext({
			status: 429,
			body: { code: 44, message: 'Too many requests' },
			headers: { 'retry-after': '0' },
			times: 1,
		});
		zoho.failNext({
			status: 502,
			body: 'Bad gateway',
			headers: { 'retry-after': '0' },
			times: 2,
		});
		const { output, error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)).toBeUndefined();
		expect(zoho.requests).toHaveLength(4);
		expect(output(NODE)[0].json.event_id).toBe(zoho.events[0].event_id);
	});

	it('gives up after the cap with a clear error', async () => {
		zoho.failNext({
			status: 503,
			body: { code: 1000, message: 'Internal error' },
			headers: { 'retry-after': '0' },
			times: 100,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho),
		});
		expect(zoho.requests).toHaveLength(5);
		expect(error(NODE)?.message).toBe('Zoho Billing error 1000: Internal error');
		expect((error(NODE) as { description?: string }).description).toBe(
			'HTTP 503, gave up after 5 attempts.',
		);
	});

	it('refreshes an expired token through the accounts server and repeats the call', async () => {
		zoho.expireAccessToken();
		const { output, credentialsHelper } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho),
		});
		expect(
			zoho.requests.map(
				(request) => `${request.method} ${request.path} ${request.headers.authorization ?? ''}`,
			),
		).toEqual([
			`GET /billing/v1/events/${zoho.events[0].event_id} Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}1`,
			'POST /oauth/v2/token ',
			`GET /billing/v1/events/${zoho.events[0].event_id} Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}2`,
		]);
		expect(zoho.requests[1].body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: ZOHO_REFRESH_TOKEN,
		});
		expect(credentialsHelper.refreshedTokens.zohoBillingOAuth2Api).toMatchObject({
			access_token: `${ZOHO_ACCESS_TOKEN_PREFIX}2`,
		});
		expect(output(NODE)).toHaveLength(1);
	});
});

it('never puts the access or refresh token into an error', async () => {
	zoho.failNext({ status: 400, body: { code: 4, message: 'Invalid request' }, times: 1 });
	const { error, run } = await runWorkflow({
		items: [{}],
		nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
		credentials: zohoCredentials(zoho),
	});
	const serialized =
		JSON.stringify(run.data.resultData) +
		JSON.stringify(error(NODE), Object.getOwnPropertyNames(error(NODE)));
	expect(serialized).toContain('Invalid request');
	expect(serialized).not.toContain(ZOHO_ACCESS_TOKEN_PREFIX);
	expect(serialized).not.toContain(ZOHO_REFRESH_TOKEN);
	expect(serialized).not.toContain(ZOHO_CLIENT_SECRET);
});
