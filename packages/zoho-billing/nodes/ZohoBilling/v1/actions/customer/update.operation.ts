import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	ZOHO_ACTIONS,
	customerBody,
	customerUpdateBody,
} from '../../../../../../../lib/zoho/actions';
import {
	checkedCustomFields,
	customFieldWrites,
} from '../../../../../../../lib/zoho/custom-fields';
import { InputError } from '../../../../../../../lib/input-error';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { zohoBillingGetById } from '../../../../../../../nodes/shared/zoho-billing/client';
import {
	customFieldsProperty,
	readCustomFields,
	recordLocator,
} from '../../../../../../../nodes/shared/zoho-billing/parameters';
import {
	eachZohoWrite,
	locatedRecordId,
	writeOutput,
	zohoBillingWrite,
} from '../../../../../../../nodes/shared/zoho-billing/write';
import { customerFieldOptions } from './create.operation';

const spec = LOOKUP_RESOURCES.customer;
const action = ZOHO_ACTIONS.updateCustomer;

/** The write, and the read of the customer before it. */
const scopes = [spec.scope, action.scope];

export const option = {
	name: 'Update',
	description: `Change a customer's fields and custom fields (two calls: the customer is read first; needs the scope ${action.scope})`,
	action: 'Update a customer',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The customer to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFieldOptions([], 'update'),
	},
	customFieldsProperty(),
];

/**
 * Reads the customer first (one call): its display name and email go with the update, as Zoho's
 * document requires them, and its custom fields tell how Zoho names each one.
 */
async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = locatedRecordId.call(this, spec, itemIndex);
	const changes: IDataObject = customerBody(
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		{ creating: false },
	);
	const custom = readCustomFields(this, itemIndex);
	if (Object.keys(changes).length === 0 && Object.keys(custom).length === 0)
		throw new InputError('Add at least one field to Update Fields or Custom Fields');
	if (Object.keys(custom).length > 0) checkedCustomFields(custom); // malformed: fails before the read
	const current = await zohoBillingGetById.call(this, spec, customerId, itemIndex);
	const body = customerUpdateBody(current, changes) as IDataObject;
	if (Object.keys(custom).length > 0)
		body.custom_fields = customFieldWrites(
			current.custom_fields,
			custom,
			'customer',
		) as unknown as IDataObject[];
	const response = await zohoBillingWrite.call(this, action, customerId, itemIndex, { body });
	return writeOutput(action, response, { customer_id: customerId });
}

export const execute = eachZohoWrite(scopes, run);
