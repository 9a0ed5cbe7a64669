import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ZOHO_API_BUDGET } from '../../../lib/zoho/api-budget';
import { ALL_EVENT_TYPES, eventTypeChoices } from '../../../lib/zoho/event-types';
import type { FilterField } from '../../../lib/zoho/resources';

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

/** How many payloads to fetch at once: Zoho allows 10 concurrent calls on paid plans (5 on free). */
export const DEFAULT_PAYLOAD_CONCURRENCY = 5;
export const MAX_PAYLOAD_CONCURRENCY = ZOHO_API_BUDGET.concurrentCalls;

export const payloadConcurrencyProperty: INodeProperties = {
	displayName: 'Payload Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PAYLOAD_CONCURRENCY, numberPrecision: 0 },
	default: DEFAULT_PAYLOAD_CONCURRENCY,
	description:
		'How many events to fetch at once. Zoho allows 10 concurrent calls on paid plans; calls in flight when the access token expires share one token refresh.',
};

/** Return All and Limit, as every Get Many of n8n's nodes has them. */
export function returnAllAndLimitProperties(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
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
export function filtersProperty(
	show: IDisplayOptions['show'],
	fields: readonly FilterField[],
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [...fields]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map(filterProperty),
	};
}

/**
 * Custom fields to set, by label (how Zoho takes them in writes), or by API name where the record
 * read before the write shows the field (lib/zoho/custom-fields.ts).
 */
export function customFieldsProperty(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			'Custom fields to set, each by its label as Zoho Billing shows it (e.g. Tier). Where the record already shows the field, its API name works too (cf_tier, as Get outputs it under custom_fields_by_api_name); Zoho takes custom fields by label.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Tier',
						description:
							"The field's label, or its API name (cf_…) when the record shows the field",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value to set; empty clears it',
					},
				],
			},
		],
	};
}

/** The Custom Fields entered for an item, as field name to value. */
export function readCustomFields(
	context: IExecuteFunctions,
	itemIndex: number,
): Record<string, unknown> {
	const entered = context.getNodeParameter('customFields.field', itemIndex, []) as Array<{
		name?: unknown;
		value?: unknown;
	}>;
	const fields: Record<string, unknown> = {};
	for (const { name, value } of entered) fields[String(name ?? '')] = value;
	return fields;
}
