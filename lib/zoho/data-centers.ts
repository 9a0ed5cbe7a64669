/**
 * Zoho data centers: which accounts server issues tokens and which API host serves Zoho Billing.
 *
 * Sources: Zoho Billing API introduction (8 domains, https://www.zoho.com/billing/api/v1/), Zoho Billing
 * OAuth page (accounts servers; Canada is accounts.zohocloud.ca, not accounts.zoho.ca), Zoho Accounts
 * multi-DC docs. The token response's `api_domain` is authoritative when present; this table is the
 * fallback.
 */

export type ZohoDataCenterId = 'us' | 'eu' | 'in' | 'au' | 'jp' | 'ca' | 'cn' | 'sa';

export interface ZohoDataCenter {
	id: ZohoDataCenterId;
	displayName: string;
	/** Zoho Accounts server that authorizes users and issues tokens. */
	accountsUrl: string;
	/** API domain, to which `/billing/v1` is appended. */
	apiDomain: string;
}

export const ZOHO_DATA_CENTERS: readonly ZohoDataCenter[] = [
	{
		id: 'us',
		displayName: 'United States (zoho.com)',
		accountsUrl: 'https://accounts.zoho.com',
		apiDomain: 'https://www.zohoapis.com',
	},
	{
		id: 'eu',
		displayName: 'Europe (zoho.eu)',
		accountsUrl: 'https://accounts.zoho.eu',
		apiDomain: 'https://www.zohoapis.eu',
	},
	{
		id: 'in',
		displayName: 'India (zoho.in)',
		accountsUrl: 'https://accounts.zoho.in',
		apiDomain: 'https://www.zohoapis.in',
	},
	{
		id: 'au',
		displayName: 'Australia (zoho.com.au)',
		accountsUrl: 'https://accounts.zoho.com.au',
		apiDomain: 'https://www.zohoapis.com.au',
	},
	{
		id: 'jp',
		displayName: 'Japan (zoho.jp)',
		accountsUrl: 'https://accounts.zoho.jp',
		apiDomain: 'https://www.zohoapis.jp',
	},
	{
		id: 'ca',
		displayName: 'Canada (zohocloud.ca)',
		accountsUrl: 'https://accounts.zohocloud.ca',
		apiDomain: 'https://www.zohoapis.ca',
	},
	{
		id: 'cn',
		displayName: 'China (zoho.com.cn)',
		accountsUrl: 'https://accounts.zoho.com.cn',
		apiDomain: 'https://www.zohoapis.com.cn',
	},
	{
		id: 'sa',
		displayName: 'Saudi Arabia (zoho.sa)',
		accountsUrl: 'https://accounts.zoho.sa',
		apiDomain: 'https://www.zohoapis.sa',
	},
];

export const DEFAULT_ZOHO_DATA_CENTER: ZohoDataCenterId = 'us';

/** The path every Zoho Billing API call lives under. */
export const ZOHO_BILLING_API_PATH = '/billing/v1';

export function getZohoDataCenter(id: string): ZohoDataCenter {
	const dataCenter = ZOHO_DATA_CENTERS.find((candidate) => candidate.id === id);
	if (!dataCenter) {
		const known = ZOHO_DATA_CENTERS.map((candidate) => candidate.id).join(', ');
		throw new Error(`Unknown Zoho data center "${id}": expected one of ${known}`);
	}
	return dataCenter;
}

export function zohoAuthorizationUrl(id: string): string {
	return `${getZohoDataCenter(id).accountsUrl}/oauth/v2/auth`;
}

export function zohoTokenUrl(id: string): string {
	return `${getZohoDataCenter(id).accountsUrl}/oauth/v2/token`;
}

/**
 * Base URL of the Zoho Billing API, e.g. `https://www.zohoapis.eu/billing/v1`.
 * Zoho's token response names the API domain of the user's account (`api_domain`); it wins over the
 * data-center choice because it is what Zoho itself says to use.
 */
export function zohoBillingBaseUrl(id: string, apiDomainFromToken?: unknown): string {
	const apiDomain =
		typeof apiDomainFromToken === 'string' && apiDomainFromToken.trim() !== ''
			? apiDomainFromToken.trim()
			: getZohoDataCenter(id).apiDomain;
	return `${apiDomain.replace(/\/+$/, '')}${ZOHO_BILLING_API_PATH}`;
}

/**
 * An n8n expression that picks a value per data center from the credential's own `dataCenter` field.
 * Credentials cannot call functions, so the table is inlined into the expression.
 */
export function dataCenterExpression(pick: (dataCenter: ZohoDataCenter) => string): string {
	const table = Object.fromEntries(
		ZOHO_DATA_CENTERS.map((dataCenter) => [dataCenter.id, pick(dataCenter)]),
	);
	return `={{ (${JSON.stringify(table)})[$self["dataCenter"]] }}`;
}

/**
 * The same choice as `zohoBillingBaseUrl`, written as an n8n expression over `$credentials`, for the
 * credential test request (which cannot call functions either).
 */
export function zohoBillingBaseUrlExpression(): string {
	const table = Object.fromEntries(
		ZOHO_DATA_CENTERS.map((dataCenter) => [dataCenter.id, dataCenter.apiDomain]),
	);
	return (
		'={{ (($credentials.oauthTokenData && $credentials.oauthTokenData.api_domain) || ' +
		`(${JSON.stringify(table)})[$credentials.dataCenter]) + "${ZOHO_BILLING_API_PATH}" }}`
	);
}
