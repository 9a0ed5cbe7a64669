/**
 * The credentials every suite gives the nodes, pointing at the stand-ins: one definition each, used
 * in-process (n8n-core's contexts, as `{ type: data }`) and in a real n8n (`n8n import:credentials`).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MOENGAGE_API_KEY, MOENGAGE_WORKSPACE_ID } from './stand-ins/moengage';
import {
	ZOHO_ACCESS_TOKEN_PREFIX,
	ZOHO_CLIENT_ID,
	ZOHO_CLIENT_SECRET,
	ZOHO_ORG_ID,
	ZOHO_REFRESH_TOKEN,
} from './stand-ins/zoho-billing';
import { WEBHOOK_SECRET } from './zoho-webhook-signer';
import { ZOHO_BILLING_DEFAULT_SCOPES } from '../../lib/zoho/credential';
import { ZOHO_WRITE_SCOPES } from '../../lib/zoho/actions';

type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

/** A MoEngage credential whose Custom Base URL is the stand-in's. */
export function moEngageCredentialData(
	baseUrl: string,
	overrides: Record<string, unknown> = {},
): ICredentialDataDecryptedObject {
	return {
		workspaceId: MOENGAGE_WORKSPACE_ID,
		apiKey: MOENGAGE_API_KEY,
		dataCenter: '01',
		customBaseUrl: baseUrl,
		...overrides,
	};
}

export const moEngageCredentials = (
	baseUrl: string,
	overrides: Record<string, unknown> = {},
): CredentialsByType => ({ moEngageApi: moEngageCredentialData(baseUrl, overrides) });

/**
 * A connected Zoho Billing OAuth2 credential whose token says the API lives at the stand-in: the
 * `api_domain` of Zoho's token response is what the node uses, exactly as in production.
 */
export function zohoBillingCredentialData(zohoBaseUrl: string): ICredentialDataDecryptedObject {
	return {
		dataCenter: 'us',
		// The default read-only Scope plus the write scopes, as a user of the node's writes sets it.
		scope: [...ZOHO_BILLING_DEFAULT_SCOPES, ...ZOHO_WRITE_SCOPES].join(','),
		organizationId: ZOHO_ORG_ID,
		clientId: ZOHO_CLIENT_ID,
		clientSecret: ZOHO_CLIENT_SECRET,
		oauthTokenData: {
			access_token: `${ZOHO_ACCESS_TOKEN_PREFIX}1`,
			refresh_token: ZOHO_REFRESH_TOKEN,
			api_domain: zohoBaseUrl,
			token_type: 'Bearer',
			expires_in: 3600,
		},
	};
}

/**
 * The Zoho Billing credential in-process. A real n8n computes the hidden OAuth2 fields from the data
 * center; n8n-core's bare contexts do not, so they are given here, the token URL at the stand-in.
 */
export function zohoCredentials(
	standIn: { baseUrl: string },
	overrides: Record<string, unknown> = {},
): CredentialsByType {
	return {
		zohoBillingOAuth2Api: {
			...zohoBillingCredentialData(standIn.baseUrl),
			grantType: 'authorizationCode',
			authUrl: `${standIn.baseUrl}/oauth/v2/auth`,
			accessTokenUrl: `${standIn.baseUrl}/oauth/v2/token`,
			// The credential's default Scope: read only.
			scope: ZOHO_BILLING_DEFAULT_SCOPES.join(','),
			authentication: 'body',
			...overrides,
		},
	};
}

/** The webhook-secret credential of the trigger and Verify a Webhook. */
export const webhookCredentials = (secretToken = WEBHOOK_SECRET): CredentialsByType => ({
	zohoBillingWebhookApi: { secretToken },
});
