import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { CUSTOMER_FIELDS, ZOHO_ACTIONS, customerBody } from '../../../../../lib/zoho/actions';
import { customFieldWrites } from '../../../../../lib/zoho/custom-fields';
import { customFieldsProperty, readCustomFields } from '../../../../shared/zoho-billing/parameters';
import { writeOutput, zohoBillingWrite } from '../../../../shared/zoho-billing/write';

const action = ZOHO_ACTIONS.createCustomer;
const show = { resource: ['customer'], operation: ['create'] };

/** Checked before the call (lib/zoho/actions.ts). */
export const scopes = [action.scope];

export const option = {
	name: 'Create',
	description: `Create a customer in Zoho Billing (needs the scope ${action.scope})`,
	action: 'Create a customer',
};

/** Every customer field but the two required ones, as the Additional Fields collection holds them. */
export const customerFieldOptions = (exclude: readonly string[]): INodeProperties[] =>
	CUSTOMER_FIELDS.filter((field) => !exclude.includes(field.name)).map((field) => ({
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		...(field.name === 'email' ? { placeholder: 'name@email.com' } : {}),
		...(field.name === 'currencyCode' ? { placeholder: 'USD' } : {}),
	}));

export const description: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		required: true,
		default: '',
		description: 'The name Zoho Billing shows for the customer and prints on invoices',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: customerFieldOptions(['displayName', 'email']),
	},
	customFieldsProperty(show),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const body: IDataObject = customerBody(
		{
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			displayName: this.getNodeParameter('displayName', itemIndex),
			email: this.getNodeParameter('email', itemIndex),
		},
		{ creating: true },
	);
	const custom = readCustomFields(this, itemIndex);
	// Zoho's create document names custom fields by label; `cf_` names go as api_name (UNCONFIRMED).
	if (Object.keys(custom).length > 0)
		body.custom_fields = customFieldWrites([], custom) as unknown as IDataObject[];
	const response = await zohoBillingWrite.call(this, action, '', itemIndex, { body });
	return writeOutput(action, response, {});
}
