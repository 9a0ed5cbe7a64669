import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { eventPageParams } from '../../../../lib/zoho/event-list-query';
import {
	latestMatchingEvent,
	pollZohoEvents,
	type EventCursor,
	type EventPollIo,
	type EventPollSettings,
} from '../../../../lib/zoho/event-poll';
import { sortByEventTime } from '../../../../lib/zoho/event-time';
import {
	DEFAULT_DAILY_CALL_BUDGET,
	MAX_DAILY_CALL_BUDGET,
	afterPoll,
	budgetPassedMessage,
	mayPoll,
	pollingCostNotice,
	slotMinutes,
	type PollBudgetState,
} from '../../../../lib/zoho/poll-budget';
import { ALL_EVENT_TYPES } from '../../../../lib/zoho/event-types';
import { normalizeZohoEvent } from '../../../../lib/zoho/normalize-event';
import { EVENT_RESOURCE } from '../../../../lib/zoho/resources';
import { checkedWholeNumber, optionsCollection } from '../../../../nodes/shared/parameters';
import {
	zohoBillingListPage,
	zohoOrganizationTimeZone,
} from '../../../../nodes/shared/zoho-billing/client';
import { getEventRecord } from '../../../../nodes/shared/zoho-billing/events';
import {
	payloadConcurrencyProperty,
	readPayloadConcurrency,
	zohoEventsProperty,
} from '../../../../nodes/shared/zoho-billing/parameters';
import { readmeSection } from '../../../../lib/docs-links';

/** Events handed to one execution at most, unless the user changes it: a backlog never becomes one huge run. */
const DEFAULT_MAX_EVENTS_PER_POLL = 100;
const MAX_EVENTS_PER_POLL_LIMIT = 1000;

/**
 * The node's static data: the cursor of Zoho's event list (lib/zoho/event-poll.ts) and the day's
 * count of Zoho calls against the Daily Call Budget (lib/zoho/poll-budget.ts).
 */
interface PollState {
	cursor?: EventCursor;
	budget?: PollBudgetState;
}

interface TriggerSettings extends EventPollSettings {
	dailyCallBudget: number;
}

export class ZohoBillingPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Billing Polling Trigger',
		name: 'zohoBillingPollingTrigger',
		icon: {
			light: 'file:../../icons/zohoBilling.svg',
			dark: 'file:../../icons/zohoBilling.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		// The panel's Docs link (see the webhook trigger for why it is not left to the codex).
		documentationUrl: readmeSection('zoho-billing-polling-trigger'),
		subtitle: '={{ $parameter["emit"] === "undelivered" ? "Undelivered events" : "New events" }}',
		description:
			'Starts the workflow with new Zoho Billing events by asking Zoho at intervals: for an n8n that Zoho cannot reach, or as a safety net for webhooks',
		defaults: {
			name: 'Zoho Billing Polling Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zohoBillingOAuth2Api',
				required: true,
			},
		],
		properties: [
			{
				displayName: pollingCostNotice(),
				name: 'costNotice',
				type: 'notice',
				default: '',
			},
			zohoEventsProperty(
				'Events that start the workflow. One event type is filtered by Zoho, except Invoice Created, Subscription Unpaid and the scheduled types, which Zoho cannot filter on; those and several types are filtered here, from the list of every event, without payload calls.',
			),
			{
				displayName: 'Emit',
				name: 'emit',
				type: 'options',
				options: [
					{
						name: 'All New Events',
						value: 'all',
						description: 'Every new event that matches Events',
					},
					{
						name: 'Only Events Zoho Could Not Deliver',
						value: 'undelivered',
						description:
							'Events whose webhook delivery failed or that were sent to no webhook: a safety net beside the Zoho Billing Trigger that never repeats a delivery that succeeded',
					},
				],
				default: 'all',
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'options',
				options: [
					{
						name: 'Now',
						value: 'now',
						description: 'Only events that happen after the workflow is published',
					},
					{
						name: 'A Date',
						value: 'date',
						description: 'Also every event since a date: a backfill, handed on over several polls',
					},
				],
				default: 'now',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				required: true,
				default: '',
				description:
					'Events from this moment on are emitted. Zoho keeps events for about 180 days (reported).',
				displayOptions: { show: { startFrom: ['date'] } },
			},
			optionsCollection([
				{
					displayName: 'Daily Call Budget',
					name: 'dailyCallBudget',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: MAX_DAILY_CALL_BUDGET, numberPrecision: 0 },
					default: DEFAULT_DAILY_CALL_BUDGET,
					description: `Zoho calls a day (UTC) that idle polling may cost, whatever Poll Times say: at most one poll calls Zoho in each 1/budget of a day (${DEFAULT_DAILY_CALL_BUDGET}: one in ${slotMinutes(DEFAULT_DAILY_CALL_BUDGET).toFixed(1)} minutes). Events a poll finds are always fetched, and n8n's log says when a day's calls pass the budget. 0 turns the spacing off.`,
				},
				{
					displayName: 'Max Events per Poll',
					name: 'maxEventsPerPoll',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_POLL_LIMIT, numberPrecision: 0 },
					default: DEFAULT_MAX_EVENTS_PER_POLL,
					description:
						'The most events one poll fetches and hands on; a backlog is handed on over several polls, oldest first',
				},
				payloadConcurrencyProperty,
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings(this);
		const io = zohoEventIo(this);

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest matching event, and the cursor stays where it is.
			const latest = await latestMatchingEvent(settings, io);
			if (!latest) {
				throw new NodeOperationError(
					this.getNode(),
					'No recent Zoho Billing event matches the Events and Emit settings',
					{
						description:
							'Zoho lists no such event among its newest; widen Events, or cause an event in Zoho Billing and fetch again.',
					},
				);
			}
			return [[{ json: toOutputItem(latest) }]];
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		const budget = settings.dailyCallBudget;
		// A poll n8n starts in a slot whose call was already made costs nothing (lib/zoho/poll-budget.ts).
		if (!mayPoll(state.budget, budget, settings.nowMs)) return null;
		let calls = 0;
		let backlog = state.budget?.backlog ?? false;
		let outcome;
		try {
			outcome = await pollZohoEvents(
				state.cursor,
				settings,
				countingCalls(io, () => calls++),
			);
			backlog = outcome.backlog;
		} finally {
			// Counted even when a call failed: Zoho counts it too.
			const counted = afterPoll(state.budget, {
				budget,
				startedMs: settings.nowMs,
				calls,
				backlog,
			});
			state.budget = counted.state;
			if (counted.passedBudget) {
				this.logger.warn(
					budgetPassedMessage({
						nodeName: this.getNode().name,
						workflowId: String(this.getWorkflow().id ?? ''),
						calls: counted.state.calls,
						budget,
					}),
				);
			}
		}
		// Only a poll that succeeded moves the cursor; n8n saves it when the poll emits (see README).
		state.cursor = outcome.cursor;
		if (outcome.emit.length === 0) return null;
		// Oldest first by the most precise time each event carries: Zoho lists some with a bare date.
		return [sortByEventTime(outcome.emit.map(toOutputItem)).map((json) => ({ json }))];
	}
}

function readSettings(context: IPollFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const wholeNumber = (name: string, label: string, fallback: number, max: number) =>
		checkedWholeNumber(context.getNode(), options[name] ?? fallback, `Options > ${label}`, {
			min: 1,
			max,
		});
	const emit = context.getNodeParameter('emit', 'all') as string;
	if (emit !== 'all' && emit !== 'undelivered') {
		throw new NodeOperationError(
			context.getNode(),
			`Emit must be all or undelivered, got "${emit}"`,
		);
	}
	return {
		start: readStart(context),
		eventTypes: context.getNodeParameter('events', [ALL_EVENT_TYPES]) as string[],
		onlyUndelivered: emit === 'undelivered',
		maxEvents: wholeNumber(
			'maxEventsPerPoll',
			'Max Events per Poll',
			DEFAULT_MAX_EVENTS_PER_POLL,
			MAX_EVENTS_PER_POLL_LIMIT,
		),
		concurrency: readPayloadConcurrency(context.getNode(), options),
		nowMs: Date.now(),
		dailyCallBudget: checkedWholeNumber(
			context.getNode(),
			options.dailyCallBudget ?? DEFAULT_DAILY_CALL_BUDGET,
			'Options > Daily Call Budget',
			{ min: 0, max: MAX_DAILY_CALL_BUDGET },
		),
	};
}

function readStart(context: IPollFunctions): EventPollSettings['start'] {
	if (context.getNodeParameter('startFrom', 'now') !== 'date') return 'now';
	const startDate = context.getNodeParameter('startDate', '') as string;
	const fromMs = Date.parse(startDate);
	if (startDate === '' || Number.isNaN(fromMs)) {
		throw new NodeOperationError(
			context.getNode(),
			`Start Date must be a date such as 2026-11-01 or 2026-11-01T09:00:00Z, got "${startDate}"`,
		);
	}
	return { fromMs };
}

/** The poll's two Zoho calls, through the Zoho Billing node's transport (OAuth2, retries, errors). */
function zohoEventIo(context: IPollFunctions): EventPollIo {
	return {
		listEvents: async (query) => {
			const page = await zohoBillingListPage.call(
				context,
				{ path: EVENT_RESOURCE.path, listKey: EVENT_RESOURCE.listKey, qs: eventPageParams(query) },
				0,
			);
			return { events: page.entries, hasMore: page.hasMore };
		},
		fetchEvent: async (eventId) => await getEventRecord.call(context, eventId, 0),
		organizationTimeZone: async () => {
			const organization = await zohoOrganizationTimeZone.call(context, 0);
			return organization.known ? organization.zone : undefined;
		},
	};
}

/** The poll's Zoho calls, each counted as it is made (the budget counts what Zoho counts). */
function countingCalls(io: EventPollIo, counted: () => void): EventPollIo {
	return {
		listEvents: async (query) => {
			counted();
			return await io.listEvents(query);
		},
		fetchEvent: async (eventId) => {
			counted();
			return await io.fetchEvent(eventId);
		},
		organizationTimeZone: async () => {
			counted();
			return await io.organizationTimeZone?.();
		},
	};
}

/**
 * The same item the Zoho Billing Trigger outputs (plus the event's webhook deliveries). An event whose
 * payload cannot be read is still handed on, with the reason, rather than lost or blocking every poll.
 */
function toOutputItem(record: Record<string, unknown>): IDataObject {
	const normalized = normalizeZohoEvent(record);
	// The n8n-free modules type JSON as `unknown`; records only ever hold JSON values.
	if (normalized.ok) return normalized.event as IDataObject;
	return {
		...(record as IDataObject),
		resource: null,
		error: `Event ${String(record.event_id ?? '')}: ${normalized.message}`,
	};
}
