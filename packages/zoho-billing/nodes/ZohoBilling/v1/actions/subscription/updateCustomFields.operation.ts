import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import {
	checkedCustomFields,
	customFieldWrites,
} from '../../../../../../../lib/zoho/custom-fields';
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

const spec = LOOKUP_RESOURCES.subscription;
const action = ZOHO_ACTIONS.updateSubscriptionCustomFields;

/** The write, and the read of the subscription before it. */
const scopes = [spec.scope, action.scope];

export const option = {
	name: 'Update Custom Fields',
	description: `Set custom fields of a subscription by label, or by API name where the subscription shows the field (two calls: the subscription is read first to find each field's label, which Zoho needs; needs the scope ${action.scope})`,
	action: 'Update custom fields of a subscription',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The subscription whose custom fields to set'),
	customFieldsProperty(),
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const subscriptionId = locatedRecordId.call(this, spec, itemIndex);
	const wanted = readCustomFields(this, itemIndex);
	checkedCustomFields(wanted); // an empty or malformed list fails before any call
	const current = await zohoBillingGetById.call(this, spec, subscriptionId, itemIndex);
	const body = {
		custom_fields: customFieldWrites(
			current.custom_fields,
			wanted,
			'subscription',
		) as unknown as IDataObject[],
	};
	const response = await zohoBillingWrite.call(this, action, subscriptionId, itemIndex, { body });
	return writeOutput(action, response, {
		subscription_id: subscriptionId,
		custom_fields: body.custom_fields,
	});
}

export const execute = eachZohoWrite(scopes, run);
