import { type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { MoEngageApi } from '../../packages/moengage/credentials/MoEngageApi.credentials';
import { resolveBaseUrl } from '../../lib/base-url-rule';
import { MOENGAGE_BASE_URL } from '../../lib/moengage/data-centers';
import { judgeCredentialTest, resolveCredentialValue } from '../support/credential-test';
import { TestCredentialsHelper } from '../support/credentials-helper';
import { credentialTypes } from '../support/run-workflow';
import {
	MOENGAGE_API_KEY,
	MOENGAGE_WORKSPACE_ID,
	MoEngageStandIn,
} from '../support/stand-ins/moengage';

const credential = new MoEngageApi();

/** Resolves the credential's test request the way n8n's credential tester does, then sends it. */
async function runCredentialTest(credentials: ICredentialDataDecryptedObject) {
	const { request } = credential.test;
	const body = Object.fromEntries(
		Object.entries(request.body as IDataObject).map(([key, value]) => [
			key,
			resolveCredentialValue(value, credentials),
		]),
	);
	const options = await new TestCredentialsHelper(credentialTypes, {}).authenticate(
		credentials,
		'moEngageApi',
		{
			url: `${resolveCredentialValue(request.baseURL, credentials)}${request.url}`,
			method: 'POST',
			body,
			headers: {},
		},
	);
	const auth = options.auth as { username: string; password: string };
	const response = await fetch(options.url, {
		method: 'POST',
		headers: {
			...(options.headers as Record<string, string>),
			'content-type': 'application/json',
			'authorization': `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
		},
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		statusText: response.statusText,
		body: await response.json(),
		sentBody: body,
		headers: options.headers,
	};
}

describe('MoEngage credential', () => {
	let standIn: MoEngageStandIn;
	beforeEach(async () => {
		standIn = await MoEngageStandIn.started();
	});
	afterEach(async () => await standIn.stop());

	it('offers only data centers the node can reach, each at its own host', () => {
		const dataCenter = credential.properties.find((property) => property.name === 'dataCenter');
		for (const option of dataCenter?.options as Array<{ value: string }>) {
			expect(resolveBaseUrl(MOENGAGE_BASE_URL, { dataCenter: option.value })).toBe(
				`https://api-${option.value}.moengage.com/v1`,
			);
		}
	});

	it("tests the connection with MoEngage's Test Connection API at the data center's host", () => {
		expect(credential.test.request).toMatchObject({
			url: '/integrations/authentication',
			method: 'POST',
		});
		expect(
			resolveCredentialValue(credential.test.request.baseURL, {
				dataCenter: '03',
				customBaseUrl: '',
			}),
		).toBe('https://api-03.moengage.com/v1');
		expect(resolveCredentialValue(credential.test.request.baseURL, { dataCenter: '101' })).toBe(
			'https://api-101.moengage.com/v1',
		);
		expect(
			resolveCredentialValue(credential.test.request.baseURL, {
				dataCenter: '01',
				customBaseUrl: 'https://proxy.example.com/v1/',
			}),
		).toBe('https://proxy.example.com/v1');
	});

	it('accepts a Custom API Base URL with or without /v1, as its description says', async () => {
		const field = credential.properties.find((property) => property.name === 'customBaseUrl');
		expect(field?.description).toContain('With or without the trailing /v1: both work.');
		expect(field?.placeholder).toMatch(/^https:\/\/\S+$/);
		for (const customBaseUrl of [
			standIn.baseUrl,
			`${standIn.baseUrl}/v1`,
			`${standIn.baseUrl}/v1/`,
		]) {
			const answer = await runCredentialTest({
				workspaceId: MOENGAGE_WORKSPACE_ID,
				apiKey: MOENGAGE_API_KEY,
				dataCenter: '01',
				customBaseUrl,
			});
			expect([customBaseUrl, answer.status, answer.body]).toEqual([
				customBaseUrl,
				200,
				expect.objectContaining({ status: 'success' }),
			]);
		}
	});

	it('passes with the right key and fails with a wrong one', async () => {
		const good = await runCredentialTest({
			workspaceId: MOENGAGE_WORKSPACE_ID,
			apiKey: MOENGAGE_API_KEY,
			dataCenter: '01',
			customBaseUrl: standIn.baseUrl,
		});
		expect(good.sentBody).toEqual({
			app_id: MOENGAGE_WORKSPACE_ID,
			app_secret: MOENGAGE_API_KEY,
			source: 'n8n',
			region: '01',
		});
		expect(good.headers).toEqual({ 'MOE-APPKEY': MOENGAGE_WORKSPACE_ID });
		expect(good).toMatchObject({
			status: 200,
			body: { status: 'success', app_name: 'Example Workspace' },
		});

		const bad = await runCredentialTest({
			workspaceId: MOENGAGE_WORKSPACE_ID,
			apiKey: 'example-wrong-key',
			dataCenter: '01',
			customBaseUrl: standIn.baseUrl,
		});
		expect(bad).toMatchObject({
			status: 401,
			body: { status: 'fail', error: { type: 'Authentication required' } },
		});
	});

	it.each(['401', '200-error', '200-fail'] as const)(
		'fails the test whichever documented way MoEngage refuses (%s)',
		async (refusal) => {
			standIn.testConnectionRefusal = refusal;
			const bad = await runCredentialTest({
				workspaceId: MOENGAGE_WORKSPACE_ID,
				apiKey: 'example-wrong-key',
				dataCenter: '01',
				customBaseUrl: standIn.baseUrl,
			});
			expect(judgeCredentialTest(credential.test, bad)).toEqual({
				status: 'Error',
				message:
					refusal === '401'
						? 'Unauthorized'
						: 'MoEngage did not accept the workspace ID and Data API key',
			});
		},
	);
});
