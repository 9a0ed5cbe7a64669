/**
 * The package's action nodes as workflow JSON for `runWorkflow`, each with the credential the test
 * credentials helper holds for it. `settings` are node settings (continueOnFail, retryOnFail, name…).
 * Test-only code.
 */
import { PACKAGE } from './run-workflow';

/** The names the nodes take unless `settings.name` says otherwise; tests read outputs by them. */
export const ZOHO_BILLING_NODE = 'Zoho Billing';
export const MOENGAGE_NODE = 'MoEngage';

type Parameters = Record<string, unknown>;

export function zohoBillingNode(parameters: Parameters, settings: Parameters = {}) {
	return {
		name: ZOHO_BILLING_NODE,
		type: `${PACKAGE}.zohoBilling`,
		parameters,
		credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
		...settings,
	};
}

export function moEngageNode(parameters: Parameters, settings: Parameters = {}) {
	return {
		name: MOENGAGE_NODE,
		type: `${PACKAGE}.moEngage`,
		parameters,
		credentials: { moEngageApi: { id: '3', name: 'MoEngage' } },
		...settings,
	};
}
