/**
 * Zoho data centers: which accounts server issues tokens and which API host serves Zoho Billing.
 *
 * Sources: Zoho Billing API introduction (8 domains, https://www.zoho.com/billing/api/v1/), Zoho Billing
 * OAuth page (accounts servers; Canada is accounts.zohocloud.ca, not accounts.zoho.ca), Zoho Accounts
 * multi-DC docs. The token response's `api_domain` is authoritative when present; this table is the
 * fallback.
 */
import { perDataCenterExpression, type BaseUrlRule } from '../base-url-rule';

type ZohoDataCenterId = 'us' | 'eu' | 'in' | 'au' | 'jp' | 'ca' | 'cn' | 'sa';

interface ZohoDataCenter {
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

/**
 * Base URL of the Zoho Billing API, e.g. `https://www.zohoapis.eu/billing/v1`. Zoho's token response
 * names the API domain of the user's account (`api_domain`); it wins over the data-center choice
 * because it is what Zoho itself says to use.
 */
export const ZOHO_BILLING_BASE_URL: BaseUrlRule = {
	service: 'Zoho',
	overrideField: 'oauthTokenData.api_domain',
	dataCenterField: 'dataCenter',
	hosts: Object.fromEntries(
		ZOHO_DATA_CENTERS.map((dataCenter) => [dataCenter.id, dataCenter.apiDomain]),
	),
	apiPath: '/billing/v1',
};

/** Zoho Accounts' OAuth endpoints, on the accounts server of the credential's data center. */
const ACCOUNTS_SERVERS = Object.fromEntries(
	ZOHO_DATA_CENTERS.map((dataCenter) => [dataCenter.id, dataCenter.accountsUrl]),
);
export const ZOHO_AUTHORIZATION_URL = perDataCenterExpression(
	ACCOUNTS_SERVERS,
	'dataCenter',
	'/oauth/v2/auth',
);
export const ZOHO_TOKEN_URL = perDataCenterExpression(
	ACCOUNTS_SERVERS,
	'dataCenter',
	'/oauth/v2/token',
);
