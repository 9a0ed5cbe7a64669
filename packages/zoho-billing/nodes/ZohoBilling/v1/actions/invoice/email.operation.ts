import type { IDataObject } from 'n8n-workflow';

import {
	ZOHO_ACTIONS,
	invoiceEmailBody,
	invoiceEmailContent,
	invoiceEmailContentPath,
	invoiceEmailInput,
	needsInvoiceEmailContent,
} from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { zohoBillingApiRequest } from '../../../../../../../nodes/shared/zoho-billing/client';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';
import { optionsCollection } from '../../../../../../../nodes/shared/parameters';

const action = ZOHO_ACTIONS.emailInvoice;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.invoice, action, {
	option: {
		name: 'Email',
		description: `Email an invoice through Zoho Billing: your recipients, subject and body, or, where you leave one empty, the invoice's own email as Zoho's template writes it (one more call reads it). Sent once: not repeated after a timeout (needs the scope ${action.scope})`,
		action: 'Email an invoice',
	},
	locator: 'The invoice to email',
	properties: [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			description:
				"Recipients, comma-separated, e.g. the event's customer.email. Empty: the recipients of the invoice's own email in Zoho (its customer's contacts).",
		},
		optionsCollection([
			{
				displayName: 'Body',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description:
					"The email's text (HTML allowed); empty takes the body of the invoice's own email, as Zoho's invoice email template writes it",
			},
			{
				displayName: 'CC',
				name: 'cc',
				type: 'string',
				default: '',
				description: 'More recipients in copy, comma-separated',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description:
					"Empty takes the subject of the invoice's own email, as Zoho's invoice email template writes it",
			},
		]),
	],
	readsFirst: true,
	// The invoice's own email is read first (GET /invoices/{id}/email) only when To, Subject or Body
	// is empty: Zoho requires a subject and a body, and what the user left empty comes from it.
	async request(invoiceId, itemIndex) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const input = invoiceEmailInput({
			to: this.getNodeParameter('to', itemIndex, ''),
			cc: options.cc,
			subject: options.subject,
			body: options.body,
		});
		const content = needsInvoiceEmailContent(input)
			? invoiceEmailContent(
					await zohoBillingApiRequest.call(
						this,
						{ method: 'GET', path: invoiceEmailContentPath(invoiceId) },
						itemIndex,
					),
				)
			: undefined;
		const body = invoiceEmailBody(input, content);
		return { body, output: { to_mail_ids: body.to_mail_ids, subject: body.subject } };
	},
});
