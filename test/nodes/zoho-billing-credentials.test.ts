import { Expression } from 'n8n-workflow';

import { ZohoBillingOAuth2Api } from '../../credentials/ZohoBillingOAuth2Api.credentials';
import { resolveBaseUrl } from '../../lib/base-url-rule';
import { ZOHO_BILLING_BASE_URL, ZOHO_DATA_CENTERS } from '../../lib/zoho/data-centers';
import { ZOHO_ACCESS_TOKEN_PREFIX, ZohoBillingStandIn } from '../stand-ins/zoho-billing';

const credential = new ZohoBillingOAuth2Api();
const property = (name: string) =>
	credential.properties.find((candidate) => candidate.name === name)!;
/** Evaluates a credential expression with n8n's own expression engine. */
const evaluate = (expression: unknown, data: Record<string, unknown>) =>
	new Expression('UTC').resolveSimpleParameterValue(expression as string, data as never, false);

describe('Zoho Billing OAuth2 credential', () => {
	it.each(ZOHO_DATA_CENTERS.map((dc) => [dc.id, dc.accountsUrl]))(
		'sends a user of %s to its accounts server %s to authorize and for tokens',
		(id, accountsUrl) => {
			expect(evaluate(property('authUrl').default, { $self: { dataCenter: id } })).toBe(
				`${accountsUrl}/oauth/v2/auth`,
			);
			expect(evaluate(property('accessTokenUrl').default, { $self: { dataCenter: id } })).toBe(
				`${accountsUrl}/oauth/v2/token`,
			);
		},
	);

	it('offers only data centers the nodes can reach', () => {
		for (const option of property('dataCenter').options as Array<{ value: string }>) {
			expect(resolveBaseUrl(ZOHO_BILLING_BASE_URL, { dataCenter: option.value })).toMatch(
				/^https:\/\/www\.zohoapis\.[a-z.]+\/billing\/v1$/,
			);
		}
	});

	describe('Test connection', () => {
		let zoho: ZohoBillingStandIn;
		beforeEach(async () => {
			zoho = new ZohoBillingStandIn();
			await zoho.start();
		});
		afterEach(async () => await zoho.stop());

		/** Resolves the test request as n8n's credential tester does, then sends it with the token. */
		const testConnection = async (apiDomain: string, accessToken: string) => {
			const { request } = credential.test;
			const credentials = { dataCenter: 'au', oauthTokenData: { api_domain: apiDomain } };
			const url = `${evaluate(request.baseURL, { $credentials: credentials })}${request.url}`;
			const response = await fetch(url, {
				method: request.method,
				headers: { authorization: `Bearer ${accessToken}` },
			});
			return { url, status: response.status, body: await response.json() };
		};

		it("lists the organizations at the token's api_domain, with or without a trailing slash", async () => {
			for (const apiDomain of [zoho.baseUrl, `${zoho.baseUrl}/`]) {
				const answer = await testConnection(apiDomain, `${ZOHO_ACCESS_TOKEN_PREFIX}1`);
				expect(answer).toMatchObject({
					url: `${zoho.baseUrl}/billing/v1/organizations`,
					status: 200,
					body: { code: 0, organizations: [{ name: 'Silva Design' }] },
				});
			}
			expect(
				zoho.requests.every((sent) => !('x-com-zoho-subscriptions-organizationid' in sent.headers)),
			).toBe(true);
		});

		it('fails with a token Zoho does not accept', async () => {
			const answer = await testConnection(zoho.baseUrl, `${ZOHO_ACCESS_TOKEN_PREFIX}stale`);
			expect(answer).toMatchObject({ status: 401, body: { code: 57 } });
		});
	});
});
