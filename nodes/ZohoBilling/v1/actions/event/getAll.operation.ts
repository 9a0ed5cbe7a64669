import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { mapPagesWithConcurrency, type ListPage } from '../../../../../lib/concurrency';
import { ZOHO_API_BUDGET } from '../../../../../lib/zoho/api-budget';
import {
	ZOHO_MAX_PER_PAGE,
	eventListNeedsTimeZone,
	isEventWithinRange,
	planEventList,
	type EventDatePreset,
	type EventListFilters,
} from '../../../../../lib/zoho/event-list-query';
import { ZOHO_EVENT_TYPES, zohoListFiltersByEventType } from '../../../../../lib/zoho/event-types';
import {
	isUndelivered,
	webhookDeliveryOf,
	type WebhookDelivery,
} from '../../../../../lib/zoho/webhook-delivery';
import { zohoBillingListPage, zohoOrganizationTimeZone } from '../../transport';
import { getEventRecord, normalizeOrFail } from './fetchEvent';

const show = { resource: ['event'], operation: ['getAll'] };

/** Zoho allows 10 concurrent calls on paid plans (5 on free): stay at or under that. */
const MAX_PAYLOAD_CONCURRENCY = ZOHO_API_BUDGET.concurrentCalls;

/** The Webhook Delivery filter's choices: which summaries (see webhook-delivery.ts) each keeps. */
const DELIVERY_FILTERS: Record<string, (delivery: WebhookDelivery | undefined) => boolean> = {
	any: () => true,
	undelivered: isUndelivered,
	failure: (delivery) => delivery === 'failure',
	scheduled: (delivery) => delivery === 'scheduled',
	success: (delivery) => delivery === 'success',
};

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
					{ name: 'Last 24 Hours', value: 'Last24Hours' },
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
						description: zohoListFiltersByEventType(eventType.name)
							? eventType.description
							: `${eventType.description}. Zoho cannot filter its list by this type: every event is listed (one call per 200) and checked here.`,
					})),
				],
				default: 'All',
				description:
					'Only events of this type. Use an expression for a type Zoho added after this node was released (such types are checked here, on every listed event).',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'First day of the range (inclusive). Used with Date Filter "Custom Range".',
			},
			{
				displayName: 'Webhook Delivery',
				name: 'webhookDelivery',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{
						name: 'Failed',
						value: 'failure',
						description: 'Zoho tried to deliver the event by webhook and failed',
					},
					{
						name: 'Failed or Never Sent',
						value: 'undelivered',
						description: 'No webhook received the event: the ones to replay',
					},
					{
						name: 'Scheduled',
						value: 'scheduled',
						description: 'Zoho will still try (again) to deliver the event',
					},
					{ name: 'Successful', value: 'success' },
				],
				default: 'any',
				description:
					"Only events whose webhook delivery went this way. Zoho's list does not say, so each listed event costs one call (which also brings its payload).",
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

	const deliveryFilter = String(filters.webhookDelivery ?? 'any');
	const keepDelivery = DELIVERY_FILTERS[deliveryFilter];
	if (!keepDelivery) {
		throw new NodeOperationError(
			this.getNode(),
			`Webhook Delivery must be one of ${Object.keys(DELIVERY_FILTERS).join(', ')}, got "${deliveryFilter}"`,
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
	// Presets the node turns into days are the organization's days: its time zone costs one call.
	let timeZone = 'UTC';
	if (eventListNeedsTimeZone(listFilters)) {
		const organization = await zohoOrganizationTimeZone.call(this, itemIndex);
		timeZone = organization.zone;
		if (!organization.known) {
			this.addExecutionHints({
				message: `Zoho's organization time zone ${JSON.stringify(organization.stated)} is not one this node can read, so the Date Filter counted days in UTC`,
				type: 'warning',
				location: 'outputPane',
			});
		}
	}
	let plan;
	try {
		plan = planEventList(listFilters, new Date(), timeZone);
	} catch (error) {
		// EventFilterError messages name the filter and what it expects.
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}

	// per_page stays the same on every page, or Zoho's page offsets would skip or repeat events. With
	// a delivery filter, or a type checked here, any listed event may be dropped, so pages are full size.
	const { localRange: range, localEventType } = plan;
	const perPage =
		returnAll || deliveryFilter !== 'any' || localEventType
			? ZOHO_MAX_PER_PAGE
			: Math.min(ZOHO_MAX_PER_PAGE, limit);
	const listPage = async (page: number): Promise<ListPage<IDataObject>> => {
		const { entries, hasMore } = await zohoBillingListPage.call(
			this,
			{ path: '/events', listKey: 'events', qs: { ...plan.query, page, per_page: perPage } },
			itemIndex,
		);
		return {
			entries: entries.filter(
				(event) =>
					(!range || isEventWithinRange(event.event_time, range)) &&
					(!localEventType || event.event_type === localEventType),
			),
			hasMore,
		};
	};
	const record = async (event: IDataObject) =>
		// A listed event that already says how its delivery went (UNCONFIRMED that Zoho lists it) is
		// taken as it is; otherwise its own record is fetched.
		deliveryFilter !== 'any' && webhookDeliveryOf(event) !== undefined && !includePayload
			? event
			: await getEventRecord.call(this, event.event_id, itemIndex);

	if (deliveryFilter === 'any') {
		// With payloads, the next page is listed while payloads of the last one are fetched, all within
		// the concurrency limit; without, one page at a time is all there is to do.
		const output = includePayload
			? await mapPagesWithConcurrency(
					listPage,
					concurrency,
					async (event) => normalizeOrFail.call(this, await record(event), itemIndex),
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

	// Filtered on delivery: how many listed events match is known only once their records are in, so
	// records are fetched a batch of `concurrency` at a time, and no further batch once Limit is met.
	const output: IDataObject[] = [];
	for (let page = 1; output.length < limit; page++) {
		const { entries, hasMore } = await listPage(page);
		for (let start = 0; start < entries.length && output.length < limit; start += concurrency) {
			const batch = entries.slice(start, start + concurrency);
			const records = await mapPagesWithConcurrency(
				async () => ({ entries: batch, hasMore: false }),
				concurrency,
				record,
			);
			for (const found of records) {
				if (output.length < limit && keepDelivery(webhookDeliveryOf(found))) {
					output.push(normalizeOrFail.call(this, found, itemIndex));
				}
			}
		}
		if (!hasMore) break;
	}
	return output.map((json) => ({ json }));
}
