import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withCustomFieldsByApiName } from '../../../lib/zoho/custom-fields';
import { ZOHO_ID_REGEX } from '../../../lib/zoho/ids';
import type { ZohoAction } from '../../../lib/zoho/actions';
import type { LookupResourceSpec } from '../../../lib/zoho/resources';
import { isPlainObject } from '../../../lib/json';
import { eachItem } from '../operations';
import { checkedZohoId, requireZohoScopes, zohoBillingApiRequest } from './client';

/**
 * The Zoho Billing writes (lib/zoho/actions.ts) as n8n calls: one request each, with the action's
 * method, scope (checked against the credential before the call) and repeatability.
 */
export async function zohoBillingWrite(
	this: IExecuteFunctions,
	action: ZohoAction,
	recordId: string,
	itemIndex: number,
	request: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<IDataObject> {
	return await zohoBillingApiRequest.call(
		this,
		{
			method: action.method,
			path: action.path(recordId),
			body: request.body,
			qs: request.qs,
			scope: action.scope,
			repeatability: action.repeatability,
		},
		itemIndex,
	);
}

/**
 * What a write outputs: the record Zoho returned (custom fields keyed by API name, as Get outputs
 * them), or, for writes that return none, the record's ID and Zoho's message.
 */
export function writeOutput(
	action: ZohoAction,
	response: IDataObject,
	identity: IDataObject,
): IDataObject[] {
	const record = action.key === undefined ? undefined : response[action.key];
	if (isPlainObject(record)) return [withCustomFieldsByApiName(record) as IDataObject];
	return [{ ...identity, message: response.message ?? 'done' }];
}

/**
 * A write's `execute`: item by item, each first checking every scope the write needs (its reads
 * included) against the credential, so a write the credential cannot make costs no call at all.
 */
export function eachZohoWrite(
	scopes: readonly string[],
	run: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>,
) {
	return eachItem(run, async function (this: IExecuteFunctions, itemIndex: number) {
		await requireZohoScopes.call(this, scopes, itemIndex);
	});
}

/** The record ID of a write from its locator parameter (From List or By ID), checked. */
export function locatedRecordId(
	this: IExecuteFunctions,
	spec: Pick<LookupResourceSpec, 'idParameter' | 'idLabel' | 'idExample'>,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(spec.idParameter, itemIndex, '', { extractValue: true });
	return checkedZohoId.call(this, spec, value, itemIndex);
}

/** The list-search method of each locatable resource (packages/zoho-billing/nodes/ZohoBilling/v1/methods/listSearch.ts). */
export const LIST_SEARCH_METHOD = {
	customer: 'searchCustomers',
	subscription: 'searchSubscriptions',
	invoice: 'searchInvoices',
	plan: 'searchPlans',
} as const;

/**
 * A record parameter as n8n's modern nodes have it: pick From List (searched through Zoho's list
 * endpoint) or enter By ID (an expression, e.g. `{{ $json.customer.customer_id }}`).
 */
export function recordLocator(spec: LookupResourceSpec, description: string): INodeProperties {
	return {
		displayName: spec.idLabel.replace(/ ID$| Code$/, ''),
		name: spec.idParameter,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.resource}…`,
				typeOptions: { searchListMethod: LIST_SEARCH_METHOD[spec.resource], searchable: true },
			},
			{
				// Plans are named by their code, the rest by ID.
				displayName: spec.idLabel.endsWith(' Code') ? 'By Code' : 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idExample,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ZOHO_ID_REGEX,
							errorMessage: `Not a valid Zoho Billing ${spec.idLabel.toLowerCase()}`,
						},
					},
				],
			},
		],
	};
}
