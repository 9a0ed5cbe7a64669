/**
 * Zoho Billing node, Subscription > Cancel and Reactivate, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Subscription > Cancel and Reactivate', () => {
	const subscriptionId = '2000000081001';

	it('Cancel at end of term makes it non-renewing, Reactivate makes it live again; Cancel now cancels it', async () => {
		const step = async (operation: string, extra: Record<string, unknown> = {}) =>
			(
				await runWorkflow({
					items: [{}],
					nodes: [
						zohoBillingNode({
							resource: 'subscription',
							operation,
							subscriptionId: byId(subscriptionId),
							...extra,
						}),
					],
					credentials: writeCredentials(zoho),
				})
			).output(NODE)[0].json;
		expect(await step('cancel')).toMatchObject({
			subscription_id: subscriptionId,
			status: 'non_renewing',
		});
		expect(zoho.writes[0].query).toEqual({ cancel_at_end: 'true' });
		expect(await step('reactivate')).toMatchObject({ status: 'live' });
		expect(await step('cancel', { cancelAt: 'now' })).toMatchObject({ status: 'cancelled' });
		expect(zoho.writes.map((write) => write.path)).toEqual([
			`/billing/v1/subscriptions/${subscriptionId}/cancel`,
			`/billing/v1/subscriptions/${subscriptionId}/reactivate`,
			`/billing/v1/subscriptions/${subscriptionId}/cancel`,
		]);
		expect(zoho.writes[2].query).toEqual({ cancel_at_end: 'false' });
	});

	it("Reactivate of a live subscription fails with Zoho's message, paired to its item under Continue On Fail", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode(
					{
						resource: 'subscription',
						operation: 'reactivate',
						subscriptionId: byId(subscriptionId),
					},
					{ continueOnFail: true },
				),
			],
			credentials: writeCredentials(zoho),
		});
		expect(output(NODE)).toEqual([
			{
				json: expect.objectContaining({
					error: 'Zoho Billing error 2: Only non-renewing subscriptions can be reactivated.',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});
});
