/**
 * Zoho Billing node, Subscription > Update Custom Fields, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Subscription > Update Custom Fields', () => {
	const subscriptionId = '2000000081001';

	it('Update Custom Fields reads the subscription and posts each field with the label Zoho requires', async () => {
		const { output } = await runWorkflow({
			items: [{ channel: 'Direct' }],
			nodes: [
				zohoBillingNode({
					resource: 'subscription',
					operation: 'updateCustomFields',
					subscriptionId: byId(subscriptionId),
					customFields: {
						field: [
							{ name: 'cf_sales_channel', value: '={{ $json.channel }}' },
							{ name: 'cf_discount_percent', value: '20' },
						],
					},
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([
			`GET /billing/v1/subscriptions/${subscriptionId}`,
			`POST /billing/v1/subscriptions/${subscriptionId}/customfields`,
		]);
		const posted = [
			{ label: 'Sales Channel', index: 1, value: 'Direct' },
			{ label: 'Discount Percent', index: 2, value: '20' },
		];
		expect(zoho.writes[0].body).toEqual({ custom_fields: posted });
		expect(output(NODE)[0].json).toEqual({
			subscription_id: subscriptionId,
			custom_fields: posted,
			message: 'Custom Fields Updated Successfully.',
		});
	});
});
