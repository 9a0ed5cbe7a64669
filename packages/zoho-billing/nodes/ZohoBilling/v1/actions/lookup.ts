import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { withCustomFieldsByApiName } from '../../../../../../lib/zoho/custom-fields';
import {
	planLookupList,
	type LookupResourceSpec,
	type ZohoResourceSpec,
} from '../../../../../../lib/zoho/resources';
import { zohoBillingGetById } from '../../../../../../nodes/shared/zoho-billing/client';
import { listZohoRecords } from '../../../../../../nodes/shared/zoho-billing/list';
import {
	filtersProperty,
	returnAllAndLimitProperties,
} from '../../../../../../nodes/shared/zoho-billing/parameters';
import { checkedLimit } from '../../../../../../nodes/shared/parameters';
import type { ZohoBillingOperation } from './node.type';

/**
 * Get and Get Many of the lookup resources (customers, subscriptions, invoices, plans): one pattern,
 * each resource's endpoints, words and filters coming from its spec in lib/zoho/resources.ts.
 */

const show = (spec: ZohoResourceSpec, operation: string) => ({
	resource: [spec.resource],
	operation: [operation],
});

/** Get: the ID (or plan code) parameter, and the record it names, custom fields keyed by API name. */
export function getOperation(spec: LookupResourceSpec): ZohoBillingOperation {
	return {
		option: { name: 'Get', description: spec.get.description, action: spec.get.action },
		description: [
			{
				displayName: spec.idLabel,
				name: spec.idParameter,
				type: 'string',
				required: true,
				default: '',
				placeholder: spec.idExample,
				description: `The ${spec.idField} of the record, e.g. from a Zoho Billing event`,
				displayOptions: { show: show(spec, 'get') },
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const record = await zohoBillingGetById.call(
				this,
				spec,
				this.getNodeParameter(spec.idParameter, itemIndex),
				itemIndex,
			);
			return [{ json: withCustomFieldsByApiName(record) as IDataObject }];
		},
	};
}

/** Get Many: Return All or Limit, the resource's filters, and the records that pass them. */
export function getManyOperation(spec: LookupResourceSpec): ZohoBillingOperation {
	return {
		option: {
			name: 'Get Many',
			description: spec.getMany.description,
			action: spec.getMany.action,
		},
		description: [
			...returnAllAndLimitProperties(show(spec, 'getAll')),
			filtersProperty(
				show(spec, 'getAll'),
				spec.filters.flatMap((filter) => filter.fields),
			),
		],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const limit = checkedLimit(this, itemIndex);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const plan = planLookupList(spec, filters);
			const records = await listZohoRecords.call(this, itemIndex, {
				path: spec.path,
				listKey: spec.listKey,
				plan,
				limit,
			});
			return records.map((record) => ({
				json: withCustomFieldsByApiName(record) as IDataObject,
			}));
		},
	};
}

/** A resource's Operation picker and each operation's parameters. */
export function resourceProperties(
	spec: ZohoResourceSpec,
	operations: Record<string, ZohoBillingOperation>,
	defaultOperation = 'get',
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [spec.resource] } },
			options: Object.entries(operations).map(([value, operation]) => ({
				...operation.option,
				value,
			})),
			default: defaultOperation,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}
