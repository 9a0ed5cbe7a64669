import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withCustomFieldsByApiName } from '../../../../../../lib/zoho/custom-fields';
import { planLookupList, type LookupResourceSpec } from '../../../../../../lib/zoho/resources';
import { zohoBillingGetById } from '../../../../../../nodes/shared/zoho-billing/client';
import { listZohoRecords } from '../../../../../../nodes/shared/zoho-billing/list';
import {
	filtersProperty,
	returnAllAndLimitProperties,
} from '../../../../../../nodes/shared/zoho-billing/parameters';
import { checkedLimit } from '../../../../../../nodes/shared/parameters';
import {
	eachItem,
	type NodeOperation,
	type NodeResource,
} from '../../../../../../nodes/shared/operations';

/**
 * Get and Get Many of the lookup resources (customers, subscriptions, invoices, plans): one pattern,
 * each resource's endpoints, words and filters coming from its spec in lib/zoho/resources.ts.
 */

/** Get: the ID (or plan code) parameter, and the record it names, custom fields keyed by API name. */
export function getOperation(spec: LookupResourceSpec): NodeOperation {
	return {
		option: { name: 'Get', description: spec.get.description, action: spec.get.action },
		properties: [
			{
				displayName: spec.idLabel,
				name: spec.idParameter,
				type: 'string',
				required: true,
				default: '',
				placeholder: spec.idExample,
				description: `The ${spec.idField} of the record, e.g. from a Zoho Billing event`,
			},
		],
		execute: eachItem(async function (this: IExecuteFunctions, itemIndex: number) {
			const record = await zohoBillingGetById.call(
				this,
				spec,
				this.getNodeParameter(spec.idParameter, itemIndex),
				itemIndex,
			);
			return [withCustomFieldsByApiName(record) as IDataObject];
		}),
	};
}

/** Get Many: Return All or Limit, the resource's filters, and the records that pass them. */
export function getManyOperation(spec: LookupResourceSpec): NodeOperation {
	return {
		option: {
			name: 'Get Many',
			description: spec.getMany.description,
			action: spec.getMany.action,
		},
		properties: [
			...returnAllAndLimitProperties(),
			filtersProperty(spec.filters.flatMap((filter) => filter.fields)),
		],
		execute: eachItem(async function (this: IExecuteFunctions, itemIndex: number) {
			const limit = checkedLimit(this, itemIndex);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const plan = planLookupList(spec, filters);
			const records = await listZohoRecords.call(this, itemIndex, {
				path: spec.path,
				listKey: spec.listKey,
				plan,
				limit,
			});
			return records.map((record) => withCustomFieldsByApiName(record) as IDataObject);
		}),
	};
}

/** A lookup resource: its picker entry, Get and Get Many, and any other operations it has. */
export function lookupResource(
	spec: LookupResourceSpec,
	operations: Record<string, NodeOperation> = {},
): NodeResource {
	return {
		option: { name: spec.displayName },
		// In the panel's (alphabetical) order.
		operations: Object.fromEntries(
			Object.entries({
				...operations,
				get: getOperation(spec),
				getAll: getManyOperation(spec),
			}).sort(([a], [b]) => a.localeCompare(b)),
		),
		defaultOperation: 'get',
	};
}
