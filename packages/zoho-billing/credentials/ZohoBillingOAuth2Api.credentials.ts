import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression } from '../../../lib/base-url-rule';
import {
	DEFAULT_ZOHO_DATA_CENTER,
	ZOHO_AUTHORIZATION_URL,
	ZOHO_BILLING_BASE_URL,
	ZOHO_DATA_CENTERS,
	ZOHO_TOKEN_URL,
} from '../../../lib/zoho/data-centers';
import { ORGANIZATION_NOT_FOUND, ZOHO_BILLING_DEFAULT_SCOPES } from '../../../lib/zoho/credential';
import { releaseFieldProperty } from '../../../lib/release';

export class ZohoBillingOAuth2Api implements ICredentialType {
	name = 'zohoBillingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoho Billing OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/zohoBilling.svg',
		dark: 'file:../icons/zohoBilling.dark.svg',
	};

	// A literal, as n8n's lint requires; test/nodes/names-and-docs.test.ts checks it against lib/docs-links.ts.
	documentationUrl =
		'https://github.com/n8n-nodes-zoho-billing-moengage/n8n-nodes-zoho-billing-moengage#zoho-billing-oauth2-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Data Center',
			name: 'dataCenter',
			type: 'options',
			options: ZOHO_DATA_CENTERS.map((dataCenter) => ({
				name: dataCenter.displayName,
				value: dataCenter.id,
			})),
			default: DEFAULT_ZOHO_DATA_CENTER,
			description:
				'Where your Zoho account is hosted: the domain you sign in to Zoho Billing on (billing.zoho.eu means Europe)',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '10234695',
			description:
				'Your Zoho Billing organization ID, shown in Zoho Billing under Settings > Organization Profile. Sent with every call.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: ZOHO_AUTHORIZATION_URL,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: ZOHO_TOKEN_URL,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: ZOHO_BILLING_DEFAULT_SCOPES.join(','),
			description:
				"Comma-separated Zoho scopes. The default is read only; to use the Zoho Billing node's writes, add the scopes they name, e.g. ZohoSubscriptions.invoices.CREATE to email or void invoices. After changing it, reconnect the credential.",
		},
		{
			// offline: Zoho issues a refresh token; consent: it issues a new one when you reconnect.
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'access_type=offline&prompt=consent',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		// Which release defined this credential: the nodes check it (lib/release.ts).
		releaseFieldProperty,
	];

	/**
	 * Reads the credential's own organization (Zoho Billing "Organizations": Get an organization), so
	 * that a wrong Organization ID fails the test instead of only the first real call. How Zoho answers
	 * an ID the account does not have is undocumented: every 4xx, and a 200 without the organization
	 * (Zoho answers some errors with 200 and a non-zero code), fail with the same message.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(ZOHO_BILLING_BASE_URL),
			url: '=/organizations/{{ encodeURIComponent(String($credentials.organizationId).trim()) }}',
			method: 'GET',
		},
		// n8n's credential tester checks each rule by its own type, so one list can hold both kinds
		// (packages/cli/src/services/credentials-tester.service.ts); the type only allows one kind.
		rules: [
			...[400, 401, 403, 404].map(
				(value): IAuthenticateRuleResponseCode => ({
					type: 'responseCode',
					properties: { value, message: ORGANIZATION_NOT_FOUND },
				}),
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'organization.organization_id',
					value: undefined,
					message: ORGANIZATION_NOT_FOUND,
				},
			} as IAuthenticateRuleResponseSuccessBody as unknown as IAuthenticateRuleResponseCode,
		],
	};
}
