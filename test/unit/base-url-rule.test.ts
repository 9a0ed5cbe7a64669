import fc from 'fast-check';

import { baseUrlExpression, resolveBaseUrl, type BaseUrlRule } from '../../lib/base-url-rule';
import { MOENGAGE_BASE_URL } from '../../lib/moengage/data-centers';
import { ZOHO_BILLING_BASE_URL } from '../../lib/zoho/data-centers';
import { evaluateExpression } from '../support/expression';

const RULES: Array<[string, BaseUrlRule, (value: string | undefined) => Record<string, unknown>]> =
	[
		[
			'Zoho Billing (token api_domain)',
			ZOHO_BILLING_BASE_URL,
			(apiDomain) => ({
				oauthTokenData: apiDomain === undefined ? undefined : { api_domain: apiDomain },
			}),
		],
		['MoEngage (Custom API Base URL)', MOENGAGE_BASE_URL, (customBaseUrl) => ({ customBaseUrl })],
	];

describe.each(RULES)('the base URL of %s', (_service, rule, withOverride) => {
	const dataCenters = Object.keys(rule.hosts);

	it('is the same in the nodes (TypeScript) and in the credential test (n8n expression)', () => {
		const override = fc.oneof(
			fc.constant(undefined),
			fc.constantFrom('', '  ', 'https://eu.example.com', 'http://127.0.0.1:9'),
			fc
				.tuple(
					fc.constantFrom(
						'https://www.zohoapis.in',
						'https://proxy.example.com',
						'http://127.0.0.1:9',
					),
					fc.constantFrom('', rule.apiPath),
					fc.constantFrom('', '/', '//'),
					fc.constantFrom('', ' ', '\t'),
				)
				.map(([host, path, slashes, space]) => `${space}${host}${path}${slashes}${space}`),
		);
		fc.assert(
			fc.property(fc.constantFrom(...dataCenters), override, (dataCenter, value) => {
				const credentials = { dataCenter, ...withOverride(value) };
				const expected = resolveBaseUrl(rule, credentials);
				expect(evaluateExpression(baseUrlExpression(rule), { $credentials: credentials })).toBe(
					expected,
				);
				expect(expected.endsWith(`${rule.apiPath}`)).toBe(true);
				expect(expected).not.toMatch(/\/\/[^/]*\/\//);
			}),
			{ numRuns: 300 },
		);
	});

	it("takes the data center's host when the override is blank", () => {
		for (const dataCenter of dataCenters) {
			expect(resolveBaseUrl(rule, { dataCenter, ...withOverride('  ') })).toBe(
				`${rule.hosts[dataCenter]}${rule.apiPath}`,
			);
		}
	});

	it('names the service and the known data centers when the data center is unknown', () => {
		expect(() => resolveBaseUrl(rule, { dataCenter: 'xx' })).toThrow(
			`Unknown ${rule.service} data center "xx": expected one of ${dataCenters.join(', ')}`,
		);
	});
});

describe('Zoho Billing base URL', () => {
	it("drops a trailing slash of the token's api_domain in the node and in the credential test alike", () => {
		const credentials = {
			dataCenter: 'us',
			oauthTokenData: { api_domain: 'https://www.zohoapis.in/' },
		};
		expect(resolveBaseUrl(ZOHO_BILLING_BASE_URL, credentials)).toBe(
			'https://www.zohoapis.in/billing/v1',
		);
		expect(
			evaluateExpression(baseUrlExpression(ZOHO_BILLING_BASE_URL), { $credentials: credentials }),
		).toBe('https://www.zohoapis.in/billing/v1');
	});
});

describe('MoEngage base URL', () => {
	it.each([
		['https://api-eu.moengage.com', 'https://api-eu.moengage.com/v1'],
		['https://api-eu.moengage.com/v1', 'https://api-eu.moengage.com/v1'],
		['https://api-eu.moengage.com/v1/', 'https://api-eu.moengage.com/v1'],
		['http://127.0.0.1:9/', 'http://127.0.0.1:9/v1'],
	])('accepts the custom base URL %s with or without /v1', (customBaseUrl, expected) => {
		expect(resolveBaseUrl(MOENGAGE_BASE_URL, { dataCenter: '01', customBaseUrl })).toBe(expected);
	});
});
