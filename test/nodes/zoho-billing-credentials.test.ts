import { Expression } from 'n8n-workflow';

import { ZohoBillingOAuth2Api } from '../../credentials/ZohoBillingOAuth2Api.credentials';
import { ZOHO_DATA_CENTERS } from '../../lib/zoho/data-centers';

const credential = new ZohoBillingOAuth2Api();
const property = (name: string) =>
	credential.properties.find((candidate) => candidate.name === name)!;
/** Evaluates a credential expression with n8n's own expression engine. */
const evaluate = (expression: unknown, data: Record<string, unknown>) =>
	new Expression('UTC').resolveSimpleParameterValue(expression as string, data as never, false);

describe('Zoho Billing OAuth2 credential', () => {
	it('extends n8n OAuth2 and asks for data center and organization ID', () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(
			property('dataCenter').options?.map((option) => (option as { value: string }).value),
		).toEqual(['us', 'eu', 'in', 'au', 'jp', 'ca', 'cn', 'sa']);
		expect(property('organizationId')).toMatchObject({ required: true, type: 'string' });
	});

	it.each(ZOHO_DATA_CENTERS.map((dc) => [dc.id, dc.accountsUrl]))(
		'points %s at its accounts server %s',
		(id, accountsUrl) => {
			expect(evaluate(property('authUrl').default, { $self: { dataCenter: id } })).toBe(
				`${accountsUrl}/oauth/v2/auth`,
			);
			expect(evaluate(property('accessTokenUrl').default, { $self: { dataCenter: id } })).toBe(
				`${accountsUrl}/oauth/v2/token`,
			);
		},
	);

	it('requests offline access, least scopes, and sends client credentials in the body', () => {
		expect(property('authQueryParameters').default).toBe('access_type=offline&prompt=consent');
		expect(property('scope').default).toBe(
			'ZohoSubscriptions.webhooks.READ,ZohoSubscriptions.settings.READ',
		);
		expect(property('authentication').default).toBe('body');
	});

	it("tests the connection on /organizations at the token's api_domain, else the region's", () => {
		const { request } = credential.test;
		expect(request).toMatchObject({ url: '/organizations', method: 'GET' });
		expect(
			evaluate(request.baseURL, {
				$credentials: {
					dataCenter: 'au',
					oauthTokenData: { api_domain: 'https://www.zohoapis.in' },
				},
			}),
		).toBe('https://www.zohoapis.in/billing/v1');
		expect(evaluate(request.baseURL, { $credentials: { dataCenter: 'ca' } })).toBe(
			'https://www.zohoapis.ca/billing/v1',
		);
	});
});
