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
const action = ZOHO_ACTIONS.reactivateSubscription;

/** Checked before the call (lib/zoho/actions.ts). */
const scopes = [action.scope];

export const option = {
	name: 'Reactivate',
	description: `Undo a cancellation at the end of the term: Zoho reactivates only non-renewing subscriptions (needs the scope ${action.scope})`,
	action: 'Reactivate a subscription',
};

export const properties: INodeProperties[] = [
	recordLocator(spec, 'The non-renewing subscription to reactivate'),
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const subscriptionId = locatedRecordId.call(this, spec, itemIndex);
	const response = await zohoBillingWrite.call(this, action, subscriptionId, itemIndex);
	return writeOutput(action, response, { subscription_id: subscriptionId });
}

export const execute = eachZohoWrite(scopes, run);
