import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
import {
	eachZohoWrite,
	locatedRecordId,
	writeOutput,
	zohoBillingWrite,
} from '../../../../../../../nodes/shared/zoho-billing/write';
import { recordLocator } from '../../../../../../../nodes/shared/zoho-billing/parameters';

const spec = LOOKUP_RESOURCES.invoice;
const action = ZOHO_ACTIONS.emailInvoice;

/** The email, and the read of the invoice's own email when To, Subject or Body is empty. */
const scopes = [spec.scope, action.scope];

export const option = {
	name: 'Email',
	description: `Email an invoice through Zoho Billing: your recipients, subject and body, or, where you leave one empty, the invoice's own email as Zoho's template writes it (one more call reads it). Sent once: not repeated after a timeout (needs the scope ${action.scope})`,
	action: 'Email an invoice',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The invoice to email'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description:
			"Recipients, comma-separated, e.g. the event's customer.email. Empty: the recipients of the invoice's own email in Zoho (its customer's contacts).",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
		],
	},
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = locatedRecordId.call(this, spec, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const input = invoiceEmailInput({
		to: this.getNodeParameter('to', itemIndex, ''),
		cc: options.cc,
		subject: options.subject,
		body: options.body,
	});
	// Zoho requires a subject and a body; what the user left empty comes from the invoice's own email.
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
	const response = await zohoBillingWrite.call(this, action, invoiceId, itemIndex, { body });
	return writeOutput(action, response, {
		invoice_id: invoiceId,
		to_mail_ids: body.to_mail_ids,
		subject: body.subject,
	});
}

export const execute = eachZohoWrite(scopes, run);
