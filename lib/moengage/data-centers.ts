/**
 * MoEngage data centers. Each workspace lives in one; its API host is `https://api-<dc>.moengage.com`
 * and the Data APIs are under `/v1` (MoEngage API introduction; data.yaml `servers`). Customers find
 * their data center in their dashboard URL (`dashboard-0X.moengage.com`). DC-101's region is not
 * documented.
 */
export interface MoEngageDataCenter {
	id: string;
	displayName: string;
}

export const MOENGAGE_DATA_CENTERS: readonly MoEngageDataCenter[] = [
	{ id: '01', displayName: 'DC-01 (US, dashboard-01)' },
	{ id: '02', displayName: 'DC-02 (EU, dashboard-02)' },
	{ id: '03', displayName: 'DC-03 (India, dashboard-03)' },
	{ id: '04', displayName: 'DC-04 (US, dashboard-04)' },
	{ id: '05', displayName: 'DC-05 (Singapore, dashboard-05)' },
	{ id: '06', displayName: 'DC-06 (Indonesia, dashboard-06)' },
	{ id: '101', displayName: 'DC-101 (dashboard-101)' },
];

export const DEFAULT_MOENGAGE_DATA_CENTER = '01';

export function moEngageApiHost(dataCenter: string): string {
	if (!MOENGAGE_DATA_CENTERS.some((candidate) => candidate.id === dataCenter)) {
		const known = MOENGAGE_DATA_CENTERS.map((candidate) => candidate.id).join(', ');
		throw new Error(`Unknown MoEngage data center "${dataCenter}": expected one of ${known}`);
	}
	return `https://api-${dataCenter}.moengage.com`;
}

/**
 * Base URL of the Data APIs (`…/v1`). `customBaseUrl` (a proxy, or MoEngage's legacy hosts such as
 * `https://api-eu.moengage.com`) wins over the data center when set.
 */
export function moEngageBaseUrl(dataCenter: string, customBaseUrl?: unknown): string {
	const custom = typeof customBaseUrl === 'string' ? customBaseUrl.trim().replace(/\/+$/, '') : '';
	const host = custom !== '' ? custom.replace(/\/v1$/, '') : moEngageApiHost(dataCenter);
	return `${host}/v1`;
}

/** `moEngageBaseUrl` as an n8n expression over `$credentials`, for the credential test request. */
export function moEngageBaseUrlExpression(): string {
	return (
		'={{ ($credentials.customBaseUrl ? $credentials.customBaseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/, "") : ' +
		'"https://api-" + $credentials.dataCenter + ".moengage.com") + "/v1" }}'
	);
}
