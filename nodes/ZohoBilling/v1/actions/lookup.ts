import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { withCustomFieldsByApiName } from '../../../../lib/zoho/custom-fields';
import { ZOHO_MAX_PER_PAGE } from '../../../../lib/zoho/event-list-query';
import {
	STATUS_FILTERS,
	planLookupList,
	type LookupFilters,
	type LookupResourceSpec,
} from '../../../../lib/zoho/resources';
import { zohoBillingGetById, zohoBillingListPage } from '../transport';
import type { ZohoBillingOperation } from './node.type';

/**
 * Get and Get Many for the records the node looks up besides events (customers, subscriptions,
 * invoices, plans): each resource folder describes its parameters with these and runs them. The rules
 * (endpoints, scopes, filters) are in lib/zoho/resources.ts.
 */

const show = (spec: LookupResourceSpec, operation: string) => ({
	resource: [spec.resource],
	operation: [operation],
});

/** The operation picker of a resource: Get and Get Many, named as n8n shows them everywhere. */
export function operationProperty(spec: LookupResourceSpec): INodeProperties {
	const plural = `${spec.displayName.toLowerCase()}s`;
	const article = /^[aeiou]/i.test(spec.displayName) ? 'an' : 'a';
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [spec.resource] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: `Get one ${spec.displayName.toLowerCase()} by its ${spec.idLabel.replace(/^\w+ /, '')}`,
				action: `Get ${article} ${spec.displayName.toLowerCase()}`,
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: `List ${plural}, with filters`,
				action: `Get many ${plural}`,
			},
		],
		default: 'get',
	};
}

/** Get: the ID (or plan code) parameter, and the record it names. */
export function getOperation(
	spec: LookupResourceSpec,
	parameterName: string,
): ZohoBillingOperation {
	return {
		description: [
			{
				displayName: spec.idLabel,
				name: parameterName,
				type: 'string',
				required: true,
				default: '',
				placeholder: spec.idExample,
				description: `The ${spec.idField} of the ${spec.displayName.toLowerCase()}, e.g. from a Zoho Billing event`,
				displayOptions: { show: show(spec, 'get') },
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const record = await zohoBillingGetById.call(
				this,
				{
					collection: spec.path,
					key: spec.key,
					id: this.getNodeParameter(parameterName, itemIndex),
					label: spec.idLabel,
					expected: `a Zoho ${spec.idLabel.toLowerCase().replace(/ id$/, ' ID')}`,
					example: spec.idExample,
				},
				itemIndex,
			);
			return [{ json: withCustomFieldsByApiName(record) as IDataObject }];
		},
	};
}

/** The Status filter of a resource, from the resource's known statuses. */
export function statusFilterProperty(spec: LookupResourceSpec): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			...STATUS_FILTERS[spec.resource].map(({ name, value, description }) => ({
				name,
				value,
				...(description ? { description } : {}),
			})),
		],
		default: 'all',
	};
}

export const customerIdFilterProperty: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	default: '',
	placeholder: '903000000000099',
	description: 'Only records of this customer, for example the customer_id of a Zoho Billing event',
};

/** Get Many: Return All or Limit, the resource's filters, and the records that pass them. */
export function getAllOperation(
	spec: LookupResourceSpec,
	filters: INodeProperties[],
): ZohoBillingOperation {
	return {
		description: [
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions: { show: show(spec, 'getAll') },
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: { show: { ...show(spec, 'getAll'), returnAll: [false] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: show(spec, 'getAll') },
				options: filters,
			},
		],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
			if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
				throw new NodeOperationError(
					this.getNode(),
					`Limit must be a whole number of at least 1, got ${limit}`,
					{
						itemIndex,
					},
				);
			}
			let plan;
			try {
				plan = planLookupList(
					spec.resource,
					this.getNodeParameter('filters', itemIndex, {}) as LookupFilters,
				);
			} catch (error) {
				// LookupFilterError messages name the filter and what it expects.
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
			}
			// Filters Zoho might not apply are also applied here, so a page can yield fewer than it holds:
			// pages are full size whenever any filter is set, and read until Limit is met.
			const filtered = Object.keys(plan.query).length > 0;
			const perPage =
				returnAll || filtered ? ZOHO_MAX_PER_PAGE : Math.min(ZOHO_MAX_PER_PAGE, limit);
			const output: INodeExecutionData[] = [];
			for (let page = 1; output.length < limit; page++) {
				const { entries, hasMore } = await zohoBillingListPage.call(
					this,
					{
						path: spec.path,
						listKey: spec.listKey,
						qs: { ...plan.query, page, per_page: perPage },
					},
					itemIndex,
				);
				for (const record of entries) {
					if (output.length < limit && plan.keep(record)) {
						output.push({ json: withCustomFieldsByApiName(record) as IDataObject });
					}
				}
				if (!hasMore) break;
			}
			return output;
		},
	};
}

/** A resource's operations and its parameters: the operation picker, then each operation's. */
export function lookupResource(
	spec: LookupResourceSpec,
	operations: { get: ZohoBillingOperation; getAll: ZohoBillingOperation },
): { operations: Record<string, ZohoBillingOperation>; description: INodeProperties[] } {
	return {
		operations,
		description: [
			operationProperty(spec),
			...operations.get.description,
			...operations.getAll.description,
		],
	};
}
