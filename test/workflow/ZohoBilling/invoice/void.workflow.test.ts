/**
 * Zoho Billing node, Invoice > Void, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Invoice > Void', () => {
	const invoiceId = '2000000091001';

	it("Void marks the invoice void and outputs its ID with Zoho's message", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({ resource: 'invoice', operation: 'void', invoiceId: byId(invoiceId) }),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([`POST /billing/v1/invoices/${invoiceId}/void`]);
		expect(zoho.records.invoices[0].status).toBe('void');
		expect(output(NODE)[0].json).toEqual({
			invoice_id: invoiceId,
			message: 'Invoice status has been changed to Void.',
		});
	});
});
