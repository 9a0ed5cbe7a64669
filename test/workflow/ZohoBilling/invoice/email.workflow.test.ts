/**
 * Zoho Billing node, Invoice > Email, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Invoice > Email', () => {
	const invoiceId = '2000000091001';

	it('Email with To, Subject and Body entered posts them as they are, in one call', async () => {
		const { output } = await runWorkflow({
			items: [{ email: 'ana.silva@example.com' }],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: '={{ $json.email }}',
					options: {
						cc: 'billing@example.com, finance@example.com',
						subject: 'Your invoice',
						body: 'Here it is.',
					},
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([`POST /billing/v1/invoices/${invoiceId}/email`]);
		expect(zoho.sentEmails).toEqual([
			{
				invoice_id: invoiceId,
				to_mail_ids: ['ana.silva@example.com'],
				cc_mail_ids: ['billing@example.com', 'finance@example.com'],
				subject: 'Your invoice',
				body: 'Here it is.',
			},
		]);
		expect(output(NODE)).toEqual([
			{
				json: {
					invoice_id: invoiceId,
					to_mail_ids: ['ana.silva@example.com'],
					subject: 'Your invoice',
					message: 'Your invoice has been sent.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Email with To, Subject and Body empty reads the invoice's own email first and sends it to its recipients", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({ resource: 'invoice', operation: 'email', invoiceId: byId(invoiceId) }),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([
			`GET /billing/v1/invoices/${invoiceId}/email`,
			`POST /billing/v1/invoices/${invoiceId}/email`,
		]);
		expect(zoho.sentEmails).toEqual([
			{
				invoice_id: invoiceId,
				to_mail_ids: ['ana.silva@example.com'],
				subject: 'Invoice - INV-000123 from Silva Design',
				body: expect.stringContaining('The invoice INV-000123 is attached'),
			},
		]);
		expect(output(NODE)[0].json).toEqual({
			invoice_id: invoiceId,
			to_mail_ids: ['ana.silva@example.com'],
			subject: 'Invoice - INV-000123 from Silva Design',
			message: 'Your invoice has been sent.',
		});
	});

	it("Email with only a subject keeps it and takes the invoice's body; a malformed address fails before any call", async () => {
		await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva@example.com',
					options: { subject: 'Still open: your invoice' },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zoho.sentEmails[0]).toMatchObject({
			to_mail_ids: ['ana.silva@example.com'],
			subject: 'Still open: your invoice',
			body: expect.stringContaining('Dear Ana Silva'),
		});
		const requestsBefore = zoho.requests.length;
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva',
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'To must be an email address such as name@example.com, got "ana.silva"',
		);
		expect(zoho.requests.length).toBe(requestsBefore);
	});

	it('Email of an invoice whose own email names no recipient fails naming To, and sends nothing', async () => {
		// Neither the invoice nor its customer holds an address Zoho could send to.
		zoho.records.invoices[0].email = undefined;
		zoho.records.customers = [];
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({ resource: 'invoice', operation: 'email', invoiceId: byId(invoiceId) }),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			"To must hold at least one email address: Zoho's email for this invoice names no recipient",
		);
		expect(zoho.sentEmails).toEqual([]);
	});

	it('Email is not sent again after a 500 (Zoho may have sent it): one request, and the error says so', async () => {
		zoho.failNext({
			status: 500,
			body: { code: 9999, message: 'Internal error' },
			pathPrefix: `/billing/v1/invoices/${invoiceId}/email`,
			method: 'POST',
			times: 1,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva@example.com',
				}),
			],
			credentials: writeCredentials(zoho),
		});
		const posts = zoho
			.requestsTo(`/billing/v1/invoices/${invoiceId}/email`)
			.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(1);
		expect((error(NODE) as { description?: string }).description).toContain(
			'not sent again: Zoho Billing may have carried it out already',
		);
	});
});
