import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	ZOHO_ACCESS_TOKEN_PREFIX,
	ZOHO_CLIENT_ID,
	ZOHO_CLIENT_SECRET,
	ZOHO_ORG_ID,
	ZOHO_REFRESH_TOKEN,
	type ZohoBillingStandIn,
} from '../support/stand-ins/zoho-billing';

/**
 * A connected Zoho Billing OAuth2 credential whose token says the API lives at the stand-in: the
 * `api_domain` of Zoho's token response is what the node uses, exactly as in production.
 */
export function zohoCredentials(
	standIn: Pick<ZohoBillingStandIn, 'baseUrl'>,
	overrides: Record<string, unknown> = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		zohoBillingOAuth2Api: {
			dataCenter: 'us',
			organizationId: ZOHO_ORG_ID,
			grantType: 'authorizationCode',
			authUrl: `${standIn.baseUrl}/oauth/v2/auth`,
			accessTokenUrl: `${standIn.baseUrl}/oauth/v2/token`,
			clientId: ZOHO_CLIENT_ID,
			clientSecret: ZOHO_CLIENT_SECRET,
			scope: 'ZohoSubscriptions.webhooks.READ,ZohoSubscriptions.settings.READ',
			authentication: 'body',
			oauthTokenData: {
				access_token: `${ZOHO_ACCESS_TOKEN_PREFIX}1`,
				refresh_token: ZOHO_REFRESH_TOKEN,
				api_domain: standIn.baseUrl,
				token_type: 'Bearer',
				expires_in: 3600,
			},
			...overrides,
		},
	};
}
