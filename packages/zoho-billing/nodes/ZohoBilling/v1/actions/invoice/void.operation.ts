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

const spec = LOOKUP_RESOURCES.invoice;
const action = ZOHO_ACTIONS.voidInvoice;

/** Checked before the call (lib/zoho/actions.ts). */
const scopes = [action.scope];

export const option = {
	name: 'Void',
	description: `Destructive: mark an invoice void; its payments and credits move to the customer's credits (needs the scope ${action.scope})`,
	action: 'Void an invoice',
};

export const properties: INodeProperties[] = [recordLocator(spec, 'The invoice to void')];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = locatedRecordId.call(this, spec, itemIndex);
	const response = await zohoBillingWrite.call(this, action, invoiceId, itemIndex);
	return writeOutput(action, response, { invoice_id: invoiceId });
}

export const execute = eachZohoWrite(scopes, run);
