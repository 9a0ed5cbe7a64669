import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ZOHO_ACTIONS, invoiceEmailBody } from '../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import {
	locatedRecordId,
	recordLocator,
	writeOutput,
	zohoBillingWrite,
} from '../../../../shared/zoho-billing/write';

const spec = LOOKUP_RESOURCES.invoice;
const action = ZOHO_ACTIONS.emailInvoice;
const show = { resource: ['invoice'], operation: ['email'] };

export const option = {
	name: 'Email',
	description: `Email an invoice through Zoho Billing, with Zoho's template unless you set a subject and body. Sent once: not repeated after a timeout (needs the scope ${action.scope})`,
	action: 'Email an invoice',
};

export const description: INodeProperties[] = [
	recordLocator(spec, show, 'The invoice to email'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description:
			"Recipients, comma-separated: for example the event's customer.email, as the Zoho Billing Trigger outputs it",
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Body',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "The email's text (HTML allowed); empty uses Zoho's invoice email template",
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
				description: "Empty uses Zoho's invoice email template",
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const invoiceId = locatedRecordId.call(this, spec, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body = invoiceEmailBody({
		to: this.getNodeParameter('to', itemIndex),
		cc: options.cc,
		subject: options.subject,
		body: options.body,
	}) as IDataObject;
	const response = await zohoBillingWrite.call(this, action, invoiceId, itemIndex, { body });
	return writeOutput(action, response, {
		invoice_id: invoiceId,
		to_mail_ids: body.to_mail_ids,
	});
}
