import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	EVENT_LIST_FILTER_FIELDS,
	eventListNeedsTimeZone,
	keepListedEvent,
	planEventList,
	type EventDatePreset,
	type EventListFilters,
} from '../../../../../../../lib/zoho/event-list-query';
import { EVENT_RESOURCE } from '../../../../../../../lib/zoho/resources';
import {
	webhookDeliveryFilter,
	webhookDeliveryOf,
} from '../../../../../../../lib/zoho/webhook-delivery';
import { checkedLimit, optionsCollection } from '../../../../../../../nodes/shared/parameters';
import { zohoOrganizationTimeZone } from '../../../../../../../nodes/shared/zoho-billing/client';
import {
	getEventRecord,
	normalizeOrFail,
} from '../../../../../../../nodes/shared/zoho-billing/events';
import { listZohoRecords } from '../../../../../../../nodes/shared/zoho-billing/list';
import {
	filtersProperty,
	payloadConcurrencyProperty,
	readPayloadConcurrency,
	returnAllAndLimitProperties,
} from '../../../../../../../nodes/shared/zoho-billing/parameters';
import { eachItem } from '../../../../../../../nodes/shared/operations';

export const option = {
	name: 'Get Many',
	description: EVENT_RESOURCE.getMany.description,
	action: EVENT_RESOURCE.getMany.action,
};

export const properties: INodeProperties[] = [
	...returnAllAndLimitProperties(),
	{
		displayName: 'Include Payload',
		name: 'includePayload',
		type: 'boolean',
		default: false,
		description:
			"Whether to fetch each event's full payload (subscription, invoice, payment, customer). Zoho's list holds only ID, type and time, so this makes one extra call per event.",
	},
	filtersProperty(EVENT_LIST_FILTER_FIELDS),
	optionsCollection([
		payloadConcurrencyProperty,
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
	]),
];

/**
 * Get Many events: the plan (lib/zoho/event-list-query.ts) and the one list strategy
 * (nodes/shared/zoho-billing/list.ts). An event's payload, and whether its webhooks were delivered,
 * are only in its own record: Include Payload and the Webhook Delivery filter fetch it per event.
 */
async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = checkedLimit(this, itemIndex);
	const includePayload = this.getNodeParameter('includePayload', itemIndex, false) === true;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const concurrency = readPayloadConcurrency(this.getNode(), options, itemIndex);
	const keepDelivery =
		(filters.webhookDelivery ?? 'any') === 'any'
			? undefined
			: webhookDeliveryFilter(filters.webhookDelivery);

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
	const plan = planEventList(listFilters, new Date(), timeZone);

	// A listed event that already says how its delivery went (UNCONFIRMED that Zoho lists it) is taken
	// as it is when no payload is wanted; otherwise its own record is fetched.
	const fetch = async (listed: IDataObject) =>
		!includePayload && webhookDeliveryOf(listed) !== undefined
			? listed
			: await getEventRecord.call(this, listed.event_id, itemIndex);
	const records = await listZohoRecords.call(this, itemIndex, {
		path: EVENT_RESOURCE.path,
		listKey: EVENT_RESOURCE.listKey,
		plan: { query: plan.query, keep: keepListedEvent(plan) },
		limit,
		...(includePayload || keepDelivery
			? {
					full: {
						fetch,
						concurrency,
						...(keepDelivery
							? { keep: (record: IDataObject) => keepDelivery(webhookDeliveryOf(record)) }
							: {}),
					},
				}
			: {}),
	});
	return records.map((record) => normalizeOrFail.call(this, record, itemIndex));
}

export const execute = eachItem(run);
