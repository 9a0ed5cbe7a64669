import { ZohoBillingOAuth2Api } from '../../packages/zoho-billing/credentials/ZohoBillingOAuth2Api.credentials';
import { resolveBaseUrl } from '../../lib/base-url-rule';
import { ORGANIZATION_NOT_FOUND } from '../../lib/zoho/credential';
import { ZOHO_BILLING_BASE_URL, ZOHO_DATA_CENTERS } from '../../lib/zoho/data-centers';
import { judgeCredentialTest, resolveCredentialValue } from '../support/credential-test';
import { evaluateExpression } from '../support/expression';
import {
	ZOHO_ACCESS_TOKEN_PREFIX,
	ZOHO_ORG_ID,
	ZohoBillingStandIn,
} from '../support/stand-ins/zoho-billing';

const credential = new ZohoBillingOAuth2Api();
const property = (name: string) =>
	credential.properties.find((candidate) => candidate.name === name)!;

describe('Zoho Billing OAuth2 credential', () => {
	it.each(ZOHO_DATA_CENTERS.map((dc) => [dc.id, dc.accountsUrl]))(
		'sends a user of %s to its accounts server %s to authorize and for tokens',
		(id, accountsUrl) => {
			expect(evaluateExpression(property('authUrl').default, { $self: { dataCenter: id } })).toBe(
				`${accountsUrl}/oauth/v2/auth`,
			);
			expect(
				evaluateExpression(property('accessTokenUrl').default, { $self: { dataCenter: id } }),
			).toBe(`${accountsUrl}/oauth/v2/token`);
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
			zoho = await ZohoBillingStandIn.started();
		});
		afterEach(async () => await zoho.stop());

		/** Resolves the test request as n8n's credential tester does, sends it with the token, judges it. */
		const testConnection = async (
			apiDomain: string,
			accessToken: string,
			organizationId = ZOHO_ORG_ID,
		) => {
			const { request } = credential.test;
			const credentials = {
				dataCenter: 'au',
				organizationId,
				oauthTokenData: { api_domain: apiDomain },
			};
			const url = `${resolveCredentialValue(request.baseURL, credentials)}${resolveCredentialValue(request.url, credentials)}`;
			const response = await fetch(url, {
				method: request.method,
				headers: { authorization: `Bearer ${accessToken}` },
			});
			const body = await response.json();
			return {
				url,
				status: response.status,
				body,
				verdict: judgeCredentialTest(credential.test, {
					status: response.status,
					statusText: response.statusText,
					body,
				}),
			};
		};

		it("reads the credential's organization at the token's api_domain, with or without a trailing slash", async () => {
			for (const apiDomain of [zoho.baseUrl, `${zoho.baseUrl}/`]) {
				const answer = await testConnection(apiDomain, `${ZOHO_ACCESS_TOKEN_PREFIX}1`);
				expect(answer).toMatchObject({
					url: `${zoho.baseUrl}/billing/v1/organizations/${ZOHO_ORG_ID}`,
					status: 200,
					body: { code: 0, organization: { organization_id: ZOHO_ORG_ID } },
					verdict: { status: 'OK' },
				});
			}
		});

		it.each([
			[
				'400 with code 2',
				{ status: 400, body: { code: 2, message: 'Invalid value passed for organization_id' } },
			],
			[
				'401 with code 57',
				{
					status: 401,
					body: { code: 57, message: 'You are not authorized to perform this operation' },
				},
			],
			['404', { status: 404, body: { code: 5, message: 'Invalid URL Passed' } }],
			[
				'200 with a non-zero code',
				{ status: 200, body: { code: 1001, message: 'Organization does not exist' } },
			],
		])(
			'fails for an Organization ID the account does not have (Zoho answering %s), saying so',
			async (_case, reply) => {
				zoho.unknownOrganizationReply = reply;
				const answer = await testConnection(
					zoho.baseUrl,
					`${ZOHO_ACCESS_TOKEN_PREFIX}1`,
					'99999999',
				);
				expect(answer.url).toBe(`${zoho.baseUrl}/billing/v1/organizations/99999999`);
				expect(answer.verdict).toEqual({ status: 'Error', message: ORGANIZATION_NOT_FOUND });
			},
		);

		it('fails with a token Zoho does not accept', async () => {
			const answer = await testConnection(zoho.baseUrl, `${ZOHO_ACCESS_TOKEN_PREFIX}stale`);
			expect(answer).toMatchObject({ status: 401, body: { code: 57 } });
			expect(answer.verdict.status).toBe('Error');
		});
	});
});
