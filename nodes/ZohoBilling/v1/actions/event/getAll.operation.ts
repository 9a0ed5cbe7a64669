import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { mapPagesWithConcurrency, type ListPage } from '../../../../../lib/concurrency';
import {
	ZOHO_MAX_PER_PAGE,
	isEventWithinRange,
	planEventList,
	type EventDatePreset,
	type EventListFilters,
} from '../../../../../lib/zoho/event-list-query';
import { ZOHO_EVENT_TYPES } from '../../../../../lib/zoho/event-types';
import { isPlainObject } from '../../../../../lib/zoho/webhook-body';
import { zohoBillingApiRequest } from '../../transport';
import { fetchEvent, normalizeOrFail } from './fetchEvent';

const show = { resource: ['event'], operation: ['getAll'] };

/** Zoho allows 10 concurrent calls on paid plans (5 on free): stay at or under that. */
const MAX_PAYLOAD_CONCURRENCY = 10;

export const description: INodeProperties[] = [
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
	{
		displayName: 'Include Payload',
		name: 'includePayload',
		type: 'boolean',
		default: false,
		description:
			"Whether to fetch each event's full payload (subscription, invoice, payment, customer). Zoho's list holds only ID, type and time, so this makes one extra call per event.",
		displayOptions: { show },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Date Filter',
				name: 'datePreset',
				type: 'options',
				options: [
					{ name: 'All Time', value: 'All' },
					{ name: 'Custom Range', value: 'CustomDate' },
					{ name: 'Last Month', value: 'LastMonth' },
					{ name: 'Last Week', value: 'LastWeek' },
					{ name: 'This Month', value: 'ThisMonth' },
					{ name: 'This Week', value: 'ThisWeek' },
					{ name: 'Today', value: 'Today' },
				],
				default: 'All',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Last day of the range (inclusive). Used with Date Filter "Custom Range".',
			},
			{
				displayName: 'Event Type',
				name: 'eventType',
				type: 'options',
				options: [
					{ name: 'All Event Types', value: 'All' },
					...ZOHO_EVENT_TYPES.map((eventType) => ({
						name: eventType.displayName,
						value: eventType.name,
						description: eventType.description,
					})),
				],
				default: 'All',
				description:
					'Only events of this type. Use an expression for a type Zoho added after this node was released.',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'First day of the range (inclusive). Used with Date Filter "Custom Range".',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Payload Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAYLOAD_CONCURRENCY },
				default: 5,
				description:
					'How many payloads to fetch at once when Include Payload is on. Zoho allows 10 concurrent calls on paid plans.',
			},
			{
				displayName: 'Sort By',
				name: 'sortColumn',
				type: 'options',
				options: [
					{ name: 'Event ID', value: 'event_id' },
					{ name: 'Event Time', value: 'event_time' },
					{ name: 'Notified Time', value: 'notified_time' },
				],
				default: 'event_time',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'A' },
					{ name: 'Descending', value: 'D' },
				],
				default: 'D',
				description:
					"Zoho's sort_order parameter; Zoho documents it for its other lists, not explicitly for events",
			},
		],
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
	const includePayload = this.getNodeParameter('includePayload', itemIndex, false) as boolean;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw new NodeOperationError(
			this.getNode(),
			`Limit must be a whole number of at least 1, got ${limit}`,
			{ itemIndex },
		);
	}
	const concurrency = (options.concurrency as number | undefined) ?? 5;
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_PAYLOAD_CONCURRENCY) {
		throw new NodeOperationError(
			this.getNode(),
			`Payload Concurrency must be a whole number from 1 to ${MAX_PAYLOAD_CONCURRENCY}, got ${concurrency}`,
			{ itemIndex },
		);
	}

	const listFilters: EventListFilters = {
		eventType: filters.eventType as string | undefined,
		datePreset: filters.datePreset as EventDatePreset | undefined,
		startDate: filters.startDate as string | undefined,
		endDate: filters.endDate as string | undefined,
		sortColumn: options.sortColumn as string | undefined,
		sortOrder: options.sortOrder as 'A' | 'D' | undefined,
	};
	let plan;
	try {
		plan = planEventList(listFilters, new Date());
	} catch (error) {
		// EventFilterError messages name the filter and what it expects.
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}

	// per_page stays the same on every page, or Zoho's page offsets would skip or repeat events.
	const perPage = Math.min(ZOHO_MAX_PER_PAGE, returnAll ? ZOHO_MAX_PER_PAGE : limit);
	const range = plan.localRange;
	const listPage = async (page: number): Promise<ListPage<Record<string, unknown>>> => {
		const response = await zohoBillingApiRequest.call(
			this,
			{ method: 'GET', path: '/events', qs: { ...plan.query, page, per_page: perPage } },
			itemIndex,
		);
		if (!Array.isArray(response.events)) {
			throw new NodeApiError(this.getNode(), response as JsonObject, {
				message: 'Zoho Billing returned a list response without an "events" array',
				itemIndex,
			});
		}
		const pageEvents = response.events.filter(isPlainObject);
		const pageContext = response.page_context as IDataObject | undefined;
		const hasMorePage =
			pageContext?.has_more_page === true || pageContext?.has_more_page === 'true';
		return {
			entries: range
				? pageEvents.filter((event) => isEventWithinRange(event.event_time, range))
				: pageEvents,
			// An empty page ends the list even if Zoho says there is more, so a wrong flag cannot loop forever.
			hasMore: hasMorePage && pageEvents.length > 0,
		};
	};

	// With payloads, the next page is listed while payloads of the last one are fetched, all within
	// the concurrency limit; without, one page at a time is all there is to do.
	const output = includePayload
		? await mapPagesWithConcurrency(
				listPage,
				concurrency,
				async (event) => await fetchEvent.call(this, event.event_id, itemIndex),
				limit,
			)
		: await mapPagesWithConcurrency(
				listPage,
				1,
				async (event) => normalizeOrFail.call(this, event, itemIndex),
				limit,
			);
	return output.map((json) => ({ json }));
}
