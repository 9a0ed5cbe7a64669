import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZOHO_ACTIONS, postponeRenewalBody } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import {
	eachZohoWrite,
	locatedRecordId,
	writeOutput,
	zohoBillingWrite,
} from '../../../../../../../nodes/shared/zoho-billing/write';
import { recordLocator } from '../../../../../../../nodes/shared/zoho-billing/parameters';

const spec = LOOKUP_RESOURCES.subscription;
const action = ZOHO_ACTIONS.postponeRenewal;

/** Checked before the call (lib/zoho/actions.ts). */
const scopes = [action.scope];

export const option = {
	name: 'Change Next Billing Date',
	description: `Postpone a subscription's renewal, extending its current term; Zoho cannot bring a renewal forward (needs the scope ${action.scope})`,
	action: 'Change the next billing date of a subscription',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The subscription whose renewal to postpone'),
	{
		displayName: 'Next Billing Date',
		name: 'nextBillingDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "The new renewal day (the organization's day): later than the current one",
	},
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const subscriptionId = locatedRecordId.call(this, spec, itemIndex);
	const body = postponeRenewalBody(this.getNodeParameter('nextBillingDate', itemIndex));
	const response = await zohoBillingWrite.call(this, action, subscriptionId, itemIndex, { body });
	return writeOutput(action, response, { subscription_id: subscriptionId, ...body });
}

export const execute = eachZohoWrite(scopes, run);
