import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import {
	eachZohoWrite,
	locatedRecordId,
	writeOutput,
	zohoBillingWrite,
} from '../../../../../../../nodes/shared/zoho-billing/write';
import { recordLocator } from '../../../../../../../nodes/shared/zoho-billing/parameters';

const spec = LOOKUP_RESOURCES.subscription;
const action = ZOHO_ACTIONS.cancelSubscription;

/** Checked before the call (lib/zoho/actions.ts). */
const scopes = [action.scope];

export const option = {
	name: 'Cancel',
	description: `Destructive: cancel a subscription at the end of its term (it stays live until then, and can be reactivated) or at once (needs the scope ${action.scope})`,
	action: 'Cancel a subscription',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The subscription to cancel'),
	{
		displayName: 'When',
		name: 'cancelAt',
		type: 'options',
		options: [
			{
				name: 'At End of Term',
				value: 'endOfTerm',
				description:
					'The subscription becomes non-renewing and ends with its current term; Reactivate undoes it until then',
			},
			{
				name: 'Now',
				value: 'now',
				description: 'The subscription is cancelled at once',
			},
		],
		default: 'endOfTerm',
	},
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const subscriptionId = locatedRecordId.call(this, spec, itemIndex);
	const atEnd = this.getNodeParameter('cancelAt', itemIndex, 'endOfTerm') !== 'now';
	const response = await zohoBillingWrite.call(this, action, subscriptionId, itemIndex, {
		qs: { cancel_at_end: String(atEnd) },
	});
	return writeOutput(action, response, { subscription_id: subscriptionId });
}

export const execute = eachZohoWrite(scopes, run);
