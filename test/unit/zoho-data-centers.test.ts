import {
	ZOHO_DATA_CENTERS,
	dataCenterExpression,
	getZohoDataCenter,
	zohoAuthorizationUrl,
	zohoBillingBaseUrl,
	zohoBillingBaseUrlExpression,
	zohoTokenUrl,
} from '../../lib/zoho/data-centers';

describe('Zoho data centers', () => {
	it('covers the 8 Zoho Billing regions with their accounts servers', () => {
		expect(ZOHO_DATA_CENTERS.map((dc) => [dc.id, dc.accountsUrl, dc.apiDomain])).toEqual([
			['us', 'https://accounts.zoho.com', 'https://www.zohoapis.com'],
			['eu', 'https://accounts.zoho.eu', 'https://www.zohoapis.eu'],
			['in', 'https://accounts.zoho.in', 'https://www.zohoapis.in'],
			['au', 'https://accounts.zoho.com.au', 'https://www.zohoapis.com.au'],
			['jp', 'https://accounts.zoho.jp', 'https://www.zohoapis.jp'],
			['ca', 'https://accounts.zohocloud.ca', 'https://www.zohoapis.ca'],
			['cn', 'https://accounts.zoho.com.cn', 'https://www.zohoapis.com.cn'],
			['sa', 'https://accounts.zoho.sa', 'https://www.zohoapis.sa'],
		]);
	});

	it('builds authorize and token URLs per region (Canada on zohocloud.ca)', () => {
		expect(zohoAuthorizationUrl('ca')).toBe('https://accounts.zohocloud.ca/oauth/v2/auth');
		expect(zohoTokenUrl('eu')).toBe('https://accounts.zoho.eu/oauth/v2/token');
	});

	it('prefers the api_domain of the token over the region table', () => {
		expect(zohoBillingBaseUrl('us', 'https://www.zohoapis.in')).toBe(
			'https://www.zohoapis.in/billing/v1',
		);
		expect(zohoBillingBaseUrl('us', 'https://www.zohoapis.in/')).toBe(
			'https://www.zohoapis.in/billing/v1',
		);
		expect(zohoBillingBaseUrl('sa', undefined)).toBe('https://www.zohoapis.sa/billing/v1');
		expect(zohoBillingBaseUrl('jp', '  ')).toBe('https://www.zohoapis.jp/billing/v1');
	});

	it('names the field and the accepted values for an unknown region', () => {
		expect(() => getZohoDataCenter('uk')).toThrow(
			'Unknown Zoho data center "uk": expected one of us, eu, in, au, jp, ca, cn, sa',
		);
	});

	it('inlines the whole table into credential expressions', () => {
		const expression = dataCenterExpression((dc) => `${dc.accountsUrl}/oauth/v2/auth`);
		expect(expression.startsWith('={{ (')).toBe(true);
		const table = JSON.parse(expression.slice('={{ ('.length, expression.indexOf(')[')));
		expect(table.ca).toBe('https://accounts.zohocloud.ca/oauth/v2/auth');
		expect(Object.keys(table)).toHaveLength(8);
		expect(zohoBillingBaseUrlExpression()).toContain('$credentials.oauthTokenData.api_domain');
	});
});
