/**
 * MoEngage data centers. Each workspace lives in one; its API host is `https://api-<dc>.moengage.com`
 * and the Data APIs are under `/v1` (MoEngage API introduction; data.yaml `servers`). Customers find
 * their data center in their dashboard URL (`dashboard-0X.moengage.com`). DC-101's region is not
 * documented.
 */
import type { BaseUrlRule } from '../base-url-rule';

interface MoEngageDataCenter {
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

/**
 * Base URL of the Data APIs, e.g. `https://api-01.moengage.com/v1`. The credential's "Custom API Base
 * URL" (a proxy, or MoEngage's legacy hosts such as `https://api-eu.moengage.com`) wins over the data
 * center when set, with or without its `/v1`.
 */
export const MOENGAGE_BASE_URL: BaseUrlRule = {
	service: 'MoEngage',
	overrideField: 'customBaseUrl',
	dataCenterField: 'dataCenter',
	hosts: Object.fromEntries(
		MOENGAGE_DATA_CENTERS.map((dataCenter) => [
			dataCenter.id,
			`https://api-${dataCenter.id}.moengage.com`,
		]),
	),
	apiPath: '/v1',
};
