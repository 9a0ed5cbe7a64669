/**
 * Zoho Billing node, Subscription > Change Next Billing Date, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Subscription > Change Next Billing Date', () => {
	const subscriptionId = '2000000081001';

	it("Change Next Billing Date posts renewal_at; an earlier day gets Zoho's refusal, a bad date no call", async () => {
		const run = async (nextBillingDate: string) =>
			await runWorkflow({
				items: [{}],
				nodes: [
					zohoBillingNode({
						resource: 'subscription',
						operation: 'changeNextBillingDate',
						subscriptionId: byId(subscriptionId),
						nextBillingDate,
					}),
				],
				credentials: writeCredentials(zoho),
			});
		const later = await run('2026-12-20T00:00:00');
		expect(zoho.writes[0].body).toEqual({ renewal_at: '2026-12-20' });
		expect(later.output(NODE)[0].json).toMatchObject({ next_billing_at: '2026-12-20' });
		const earlier = await run('2026-12-10');
		expect(earlier.error(NODE)?.message).toBe(
			'Zoho Billing error 2: The renewal date can only be postponed.',
		);
		const requestsBefore = zoho.requests.length;
		const malformed = await run('next week');
		expect(malformed.error(NODE)?.message).toBe(
			'Next Billing Date must be a date in YYYY-MM-DD form, got "next week"',
		);
		expect(zoho.requests.length).toBe(requestsBefore);
	});
});
