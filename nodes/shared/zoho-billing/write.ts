import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withCustomFieldsByApiName } from '../../../lib/zoho/custom-fields';
import type { ZohoAction } from '../../../lib/zoho/actions';
import type { LookupResourceSpec } from '../../../lib/zoho/resources';
import { isPlainObject } from '../../../lib/json';
import { eachItem, type NodeOperation } from '../operations';
import {
	checkedZohoId,
	requireZohoScopes,
	zohoBillingApiRequest,
	zohoBillingGetById,
} from './client';
import { recordLocator } from './parameters';

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
function locatedRecordId(
	this: IExecuteFunctions,
	spec: Pick<LookupResourceSpec, 'idParameter' | 'idLabel' | 'idExample'>,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(spec.idParameter, itemIndex, '', { extractValue: true });
	return checkedZohoId.call(this, spec, value, itemIndex);
}

/** What a write on one record sends beyond its method and path, and adds to an output of its ID. */
interface RecordWriteRequest {
	body?: IDataObject;
	qs?: IDataObject;
	/** Fields the output carries beside the record's ID when Zoho returns no record. */
	output?: IDataObject;
}

/**
 * An operation that writes one record the user picks (From List or By ID): its parameters are the
 * record picker then `properties`; each item checks the scopes (the record's read scope too when the
 * write `readsFirst`), locates the record's ID, builds its request, and outputs what Zoho returns.
 */
export function recordWrite(
	spec: LookupResourceSpec,
	action: ZohoAction,
	definition: {
		option: NodeOperation['option'];
		/** The record picker's description. */
		locator: string;
		properties?: INodeProperties[];
		/** The write reads first (the record, or another of its documents): its read scope is checked too. */
		readsFirst?: boolean;
		/** The item's request; `readRecord` gets the record as Get outputs it, one call. */
		request?: (
			this: IExecuteFunctions,
			recordId: string,
			itemIndex: number,
			readRecord: () => Promise<IDataObject>,
		) => RecordWriteRequest | Promise<RecordWriteRequest>;
	},
): NodeOperation {
	const scopes = definition.readsFirst ? [spec.scope, action.scope] : [action.scope];
	return {
		option: definition.option,
		properties: [recordLocator(spec, definition.locator), ...(definition.properties ?? [])],
		execute: eachZohoWrite(scopes, async function (this: IExecuteFunctions, itemIndex: number) {
			const recordId = locatedRecordId.call(this, spec, itemIndex);
			const readRecord = async () => await zohoBillingGetById.call(this, spec, recordId, itemIndex);
			const { output, ...request } =
				(await definition.request?.call(this, recordId, itemIndex, readRecord)) ?? {};
			const response = await zohoBillingWrite.call(this, action, recordId, itemIndex, request);
			return writeOutput(action, response, { [spec.idField]: recordId, ...output });
		}),
	};
}
