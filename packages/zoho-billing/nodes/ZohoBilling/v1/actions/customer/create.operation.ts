import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CUSTOMER_FIELDS, ZOHO_ACTIONS, customerBody } from '../../../../../../../lib/zoho/actions';
import { customFields } from '../../../../../../../nodes/shared/zoho-billing/custom-fields';
import {
	eachZohoWrite,
	writeOutput,
	zohoBillingWrite,
} from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.createCustomer;

/** Checked before the call (lib/zoho/actions.ts). */
const scopes = [action.scope];

export const option = {
	name: 'Create',
	description: `Create a customer in Zoho Billing (needs the scope ${action.scope})`,
	action: 'Create a customer',
};

/**
 * Customer fields as a collection holds them: for creating, every field but `exclude`; for updating,
 * only those Zoho documents for updates, the Postman-only ones marked UNCONFIRMED (lib/zoho/actions.ts).
 */
export const customerFieldOptions = (
	exclude: readonly string[],
	use: 'create' | 'update' = 'create',
): INodeProperties[] =>
	CUSTOMER_FIELDS.filter(
		(field) => !exclude.includes(field.name) && (use === 'create' || field.update !== 'no'),
	).map((field) => ({
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		...(field.name === 'email' ? { placeholder: 'name@email.com' } : {}),
		...(field.name === 'currencyCode' ? { placeholder: 'USD' } : {}),
		...(use === 'update' && field.update === 'postman'
			? {
					description:
						"UNCONFIRMED: only Zoho's Postman collection lists this field for updates; Zoho may ignore it",
				}
			: {}),
	}));

export const properties: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		required: true,
		default: '',
		description: 'The name Zoho Billing shows for the customer and prints on invoices',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFieldOptions(['displayName', 'email']),
	},
	customFields.property(),
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body: IDataObject = customerBody(
		{
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			displayName: this.getNodeParameter('displayName', itemIndex),
			email: this.getNodeParameter('email', itemIndex),
		},
		{ creating: true },
	);
	const custom = customFields.read(this, itemIndex);
	// Zoho's create document names custom fields by label; an API name cannot be resolved without a
	// record, so it fails the item here, before the call (lib/zoho/custom-fields.ts).
	if (Object.keys(custom).length > 0)
		body.custom_fields = customFields.body(undefined, custom, 'customer');
	const response = await zohoBillingWrite.call(this, action, '', itemIndex, { body });
	return writeOutput(action, response, {});
}

export const execute = eachZohoWrite(scopes, run);
