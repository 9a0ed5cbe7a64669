import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { ZOHO_API_BUDGET } from '../../../lib/zoho/api-budget';
import { ZOHO_ID_REGEX } from '../../../lib/zoho/ids';
import { checkedWholeNumber } from '../parameters';
import { ALL_EVENT_TYPES, eventTypeChoices } from '../../../lib/zoho/event-types';
import type { FilterField, LookupResourceSpec } from '../../../lib/zoho/resources';

/**
 * Parameters the Zoho Billing nodes share, written once: the triggers' Events, Payload Concurrency
 * (Get Many events and the polling trigger), Return All and Limit, and the Get Many filters, whose
 * fields lib/zoho/resources.ts and lib/zoho/event-list-query.ts describe n8n-free.
 */

/** Both triggers' "Events" parameter; `description` says what happens to the others. */
export function zohoEventsProperty(description: string): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'All Events',
				value: ALL_EVENT_TYPES,
				description: 'Every event, including event types Zoho adds later',
			},
			...eventTypeChoices(),
		],
		default: [ALL_EVENT_TYPES],
		description,
	};
}

/** How many payloads to fetch at once: at most Zoho's concurrent calls on paid plans. */
export const DEFAULT_PAYLOAD_CONCURRENCY = 5;
export const MAX_PAYLOAD_CONCURRENCY = ZOHO_API_BUDGET.concurrentCalls;

export const payloadConcurrencyProperty: INodeProperties = {
	displayName: 'Payload Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PAYLOAD_CONCURRENCY, numberPrecision: 0 },
	default: DEFAULT_PAYLOAD_CONCURRENCY,
	description: `How many events to fetch at once. Zoho allows ${ZOHO_API_BUDGET.concurrentCalls} concurrent calls on paid plans; calls in flight when the access token expires share one token refresh.`,
};

/** Options > Payload Concurrency, checked: read here for Get Many events and the polling trigger. */
export function readPayloadConcurrency(
	node: INode,
	options: IDataObject,
	itemIndex?: number,
): number {
	return checkedWholeNumber(
		node,
		options.concurrency ?? DEFAULT_PAYLOAD_CONCURRENCY,
		'Options > Payload Concurrency',
		{ min: 1, max: MAX_PAYLOAD_CONCURRENCY },
		itemIndex,
	);
}

/** Return All and Limit, as every Get Many of n8n's nodes has them. */
export function returnAllAndLimitProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** A Get Many filter's field (lib) as n8n's parameter inside the Filters collection. */
function filterProperty(field: FilterField): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: field.type,
		default: field.default,
		...(field.options ? { options: field.options } : {}),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.description ? { description: field.description } : {}),
	};
}

/** The Filters collection of a Get Many, its fields in alphabetical order as n8n's panel lists them. */
export function filtersProperty(fields: readonly FilterField[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...fields]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map(filterProperty),
	};
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
