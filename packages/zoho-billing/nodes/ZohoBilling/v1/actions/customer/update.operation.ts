import type { IDataObject } from 'n8n-workflow';

import {
	ZOHO_ACTIONS,
	customerBody,
	customerUpdateBody,
} from '../../../../../../../lib/zoho/actions';
import { InputError } from '../../../../../../../lib/input-error';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { customFields } from '../../../../../../../nodes/shared/zoho-billing/custom-fields';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';
import { customerFieldOptions } from './create.operation';

const action = ZOHO_ACTIONS.updateCustomer;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.customer, action, {
	option: {
		name: 'Update',
		description: `Change a customer's fields and custom fields (two calls: the customer is read first; needs the scope ${action.scope})`,
		action: 'Update a customer',
	},
	locator: 'The customer to update',
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: customerFieldOptions([], 'update'),
		},
		customFields.property(),
	],
	readsFirst: true,
	// The customer is read first: its display name and email go with the update, as Zoho's document
	// requires them, and its custom fields tell how Zoho names each one.
	async request(_customerId, itemIndex, readRecord) {
		const changes: IDataObject = customerBody(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			{ creating: false },
		);
		const custom = customFields.read(this, itemIndex); // malformed: fails before the read
		if (Object.keys(changes).length === 0 && Object.keys(custom).length === 0)
			throw new InputError('Add at least one field to Update Fields or Custom Fields');
		const current = await readRecord();
		const body = customerUpdateBody(current, changes) as IDataObject;
		if (Object.keys(custom).length > 0)
			body.custom_fields = customFields.body(current, custom, 'customer');
		return { body };
	},
});
