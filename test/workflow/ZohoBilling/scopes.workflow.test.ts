/**
 * Every Zoho Billing write checks its scopes before any call (nodes/shared/zoho-billing/write.ts,
 * eachZohoWrite), and says what to do when Zoho refuses a token granted without them.
 */
import { zohoCredentials } from '../../support/credentials';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../support/nodes';
import { runWorkflow } from '../../support/run-workflow';
import {
	byId,
	MINIMAL_WRITES,
	READ_SCOPES,
	writeCredentials,
	zohoAccount,
} from '../../support/zoho-account';

const zoho = zohoAccount();

describe('scopes', () => {
	it.each(MINIMAL_WRITES)(
		'with the read-only default Scope, $scope is named and $resource $operation makes no call at all, not even its read',
		async ({ scope, resource, operation, parameters }) => {
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [zohoBillingNode({ resource, operation, ...parameters })],
				credentials: zohoCredentials(zoho),
			});
			expect(error(NODE)?.message).toBe(
				`The Zoho Billing credential lacks the scope ${scope}, which this operation needs`,
			);
			expect((error(NODE) as { description?: string }).description).toContain(
				`Add ${scope} to the credential's Scope`,
			);
			expect(zoho.requests).toEqual([]);
		},
	);

	it('a write whose read scope was taken out of the Scope fails before that read', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'customer',
					operation: 'update',
					customerId: byId('2000000061001'),
					updateFields: { mobile: '1' },
				}),
			],
			credentials: zohoCredentials(zoho, { scope: 'ZohoSubscriptions.customers.UPDATE' }),
		});
		expect(error(NODE)?.message).toBe(
			'The Zoho Billing credential lacks the scope ZohoSubscriptions.customers.READ, which this operation needs',
		);
		expect(zoho.requests).toEqual([]);
	});

	it('a token Zoho granted without the write scope is refused by Zoho; the error says to reconnect', async () => {
		zoho.grantedScopes = new Set(READ_SCOPES);
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'subscription',
					operation: 'reactivate',
					subscriptionId: byId('2000000081001'),
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Zoho Billing error 57: You are not authorized to perform this operation',
		);
		expect((error(NODE) as { description?: string }).description).toContain(
			'If the credential was connected before its Scope held ZohoSubscriptions.subscriptions.CREATE, reconnect it',
		);
		expect(zoho.writes).toEqual([]);
	});
});
