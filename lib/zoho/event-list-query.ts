/**
 * Query parameters for `GET /billing/v1/events`.
 *
 * The Events OpenAPI document declares no query parameters; Zoho's official Postman collection
 * documents `filter_by` (`EventType.<type>` or `EventTime.<preset>`), `event_start_date` /
 * `event_end_date` (YYYY-MM-DD, with `EventTime.CustomDate`), `sort_column`
 * (`event_time|event_id|notified_time`) and the generic `page` / `per_page` (max 200). `sort_order`
 * (A/D) is the Zoho Finance convention, UNCONFIRMED for events.
 *
 * `filter_by` holds one value, so a type filter and a date filter cannot both go there. When both are
 * set, the type goes to `filter_by`, the date range is sent as `event_start_date` / `event_end_date`
 * and is also enforced locally by `isEventWithinRange`, so the result is right even if Zoho ignores
 * the dates without `EventTime.CustomDate`. Named presets are then turned into the organization's
 * days (its time zone, lib/zoho/time-zone.ts; UTC when Zoho's is none the node can read).
 */
import { InputError } from '../input-error';
import { eventTimeMs } from './event-time';
import { eventTypeChoices, zohoListFiltersByEventType } from './event-types';
import type { FilterField } from './resources';
import { addDays, calendarDay, isBareDate, weekday, writtenDay } from '../dates';
import { dayIn } from './time-zone';

const EVENT_DATE_PRESETS = [
	'All',
	'Today',
	'ThisWeek',
	'ThisMonth',
	'LastWeek',
	'LastMonth',
	'CustomDate',
	// Not one of Zoho's presets: sent as the days it spans, and enforced to the second locally.
	'Last24Hours',
] as const;
export type EventDatePreset = (typeof EVENT_DATE_PRESETS)[number];

const EVENT_SORT_COLUMNS = ['event_time', 'event_id', 'notified_time'] as const;

/**
 * The Get Many events filters as the node panel shows them (n8n-free; nodes/shared makes them n8n's
 * fields). `planEventList` turns Event Type and the dates into the list plan; Webhook Delivery needs
 * each event's own record (webhook-delivery.ts).
 */
export const EVENT_LIST_FILTER_FIELDS: FilterField[] = [
	{
		name: 'datePreset',
		displayName: 'Date Filter',
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
		description: "The organization's days (its time zone in Zoho Billing)",
	},
	{
		name: 'endDate',
		displayName: 'End Date',
		type: 'dateTime',
		default: '',
		description: 'Last day of the range (inclusive). Used with Date Filter "Custom Range".',
	},
	{
		name: 'eventType',
		displayName: 'Event Type',
		type: 'options',
		options: [
			{ name: 'All Event Types', value: 'All', description: '' },
			...eventTypeChoices(true),
		],
		default: 'All',
		description:
			'Only events of this type. Use an expression for a type Zoho added after this node was released (such types are checked here, on every listed event).',
	},
	{
		name: 'startDate',
		displayName: 'Start Date',
		type: 'dateTime',
		default: '',
		description: 'First day of the range (inclusive). Used with Date Filter "Custom Range".',
	},
	{
		name: 'webhookDelivery',
		displayName: 'Webhook Delivery',
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
];

export interface EventListFilters {
	eventType?: string;
	datePreset?: EventDatePreset;
	/** Start of a custom range; any string starting with YYYY-MM-DD. */
	startDate?: string;
	endDate?: string;
	sortColumn?: string;
	sortOrder?: 'A' | 'D';
}

export interface DateRange {
	start: string;
	end: string;
	/** An exact lower bound (epoch ms), for a range finer than whole days. */
	sinceMs?: number;
}

export interface EventListPlan {
	/** Query parameters for every page (without `page` / `per_page`). */
	query: Record<string, string>;
	/** Range to enforce locally, when the server cannot be trusted to apply it. */
	localRange?: DateRange;
	/** An event type Zoho does not document as a list filter: listed unfiltered, kept here. */
	localEventType?: string;
}

/** A required date parameter's day. */
function requiredDay(label: string, value: string | undefined): string {
	const day = calendarDay(label, value);
	if (day === undefined)
		throw new InputError(`${label} must be a date in YYYY-MM-DD form, got "${value ?? ''}"`);
	return day;
}

/**
 * The days a named preset covers in the organization's time zone (time-zone.ts), weeks starting on
 * Sunday. Zoho applies its own presets in that zone; these are only computed when the preset cannot
 * go to Zoho (an event type holds `filter_by`, or the preset is not Zoho's).
 */
function presetToRange(
	preset: EventDatePreset,
	now: Date,
	timeZone: string,
): DateRange | undefined {
	const today = dayIn(now.getTime(), timeZone);
	const weekStart = addDays(today, -weekday(today));
	const monthStart = `${today.slice(0, 8)}01`;
	const nextMonthStart = `${addDays(monthStart, 32).slice(0, 8)}01`;
	switch (preset) {
		case 'Today':
			return { start: today, end: today };
		case 'ThisWeek':
			return { start: weekStart, end: addDays(weekStart, 6) };
		case 'LastWeek':
			return { start: addDays(weekStart, -7), end: addDays(weekStart, -1) };
		case 'ThisMonth':
			return { start: monthStart, end: addDays(nextMonthStart, -1) };
		case 'LastMonth':
			return { start: `${addDays(monthStart, -1).slice(0, 8)}01`, end: addDays(monthStart, -1) };
		case 'Last24Hours': {
			const sinceMs = now.getTime() - 24 * 3600_000;
			return { start: dayIn(sinceMs, timeZone), end: today, sinceMs };
		}
		default:
			return undefined;
	}
}

/**
 * Whether planning this list needs the organization's time zone: only when the node itself turns a
 * preset into days, so that other lists cost no call to read the organization.
 */
export function eventListNeedsTimeZone(filters: EventListFilters): boolean {
	const preset = filters.datePreset ?? 'All';
	if (preset === 'Last24Hours') return true;
	if (preset === 'All' || preset === 'CustomDate') return false;
	const type = filters.eventType?.trim();
	return (
		type !== undefined &&
		type !== '' &&
		type !== 'All' &&
		type !== '*' &&
		zohoListFiltersByEventType(type)
	);
}

/** `timeZone`: the organization's IANA zone (time-zone.ts), for presets the node turns into days. */
export function planEventList(
	filters: EventListFilters,
	now: Date,
	timeZone = 'UTC',
): EventListPlan {
	const query: Record<string, string> = {};
	const preset = filters.datePreset ?? 'All';
	if (!EVENT_DATE_PRESETS.includes(preset)) {
		throw new InputError(
			`Date Filter must be one of ${EVENT_DATE_PRESETS.join(', ')}, got "${preset}"`,
		);
	}

	let range: DateRange | undefined;
	if (preset === 'CustomDate') {
		range = {
			start: requiredDay('Start Date', filters.startDate),
			end: requiredDay('End Date', filters.endDate),
		};
		if (range.start > range.end) {
			throw new InputError(`Start Date (${range.start}) must not be after End Date (${range.end})`);
		}
	}

	if (preset === 'Last24Hours') range = presetToRange(preset, now, timeZone);

	const chosenType = filters.eventType?.trim();
	const typed =
		chosenType !== undefined && chosenType !== '' && chosenType !== 'All' && chosenType !== '*';
	// A type Zoho cannot filter on leaves filter_by to the date, and is checked on each listed event.
	const localEventType = typed && !zohoListFiltersByEventType(chosenType) ? chosenType : undefined;
	const eventType = typed && localEventType === undefined ? chosenType : undefined;
	let localRange: DateRange | undefined;
	if (eventType) {
		query.filter_by = `EventType.${eventType}`;
		range ??= presetToRange(preset, now, timeZone);
		if (range) localRange = range;
	} else if (preset === 'Last24Hours') {
		query.filter_by = 'EventTime.CustomDate';
		localRange = range;
	} else {
		query.filter_by = `EventTime.${preset}`;
	}
	if (range) {
		query.event_start_date = range.start;
		query.event_end_date = range.end;
	}

	if (filters.sortColumn) {
		if (!(EVENT_SORT_COLUMNS as readonly string[]).includes(filters.sortColumn)) {
			throw new InputError(
				`Sort By must be one of ${EVENT_SORT_COLUMNS.join(', ')}, got "${filters.sortColumn}"`,
			);
		}
		query.sort_column = filters.sortColumn;
		if (filters.sortOrder) query.sort_order = filters.sortOrder;
	}
	return { query, localRange, ...(localEventType ? { localEventType } : {}) };
}

/**
 * The check each listed event must pass under a plan, or undefined when Zoho applies every filter:
 * the range Zoho may not have applied, and the type it cannot filter on.
 */
export function keepListedEvent(
	plan: EventListPlan,
): ((event: Record<string, unknown>) => boolean) | undefined {
	const { localRange: range, localEventType: type } = plan;
	if (!range && !type) return undefined;
	return (event) =>
		(!range || isEventWithinRange(event.event_time, range)) && (!type || event.event_type === type);
}

/**
 * Whether an event's `event_time` (a date or a timestamp) falls on a day inside `range`, and, for a
 * range with an exact start, not before it (a bare date counts as its whole day).
 */
export function isEventWithinRange(eventTime: unknown, range: DateRange): boolean {
	const day = writtenDay(eventTime);
	if (day === undefined || day < range.start || day > range.end) return false;
	if (range.sinceMs === undefined || isBareDate(eventTime)) return true;
	const timeMs = eventTimeMs(eventTime);
	return Number.isNaN(timeMs) || timeMs >= range.sinceMs;
}

/** One page of `GET /events` as the polling trigger asks for it (see event-poll.ts). */
export interface EventPageQuery {
	page: number;
	perPage: number;
	sortOrder: 'A' | 'D';
	/** One event type to list, else all. */
	eventType?: string;
	/** Days (YYYY-MM-DD) to list, inclusive. */
	window?: { startDay: string; endDay: string };
}

/** Zoho's query parameters for such a page; `filter_by` holds either the window or the type. */
export function eventPageParams(query: EventPageQuery): Record<string, string | number> {
	const params: Record<string, string | number> = {
		page: query.page,
		per_page: query.perPage,
		sort_column: 'event_time',
		sort_order: query.sortOrder,
	};
	if (query.window) {
		params.filter_by = 'EventTime.CustomDate';
		params.event_start_date = query.window.startDay;
		params.event_end_date = query.window.endDay;
	} else {
		params.filter_by = query.eventType ? `EventType.${query.eventType}` : 'EventTime.All';
	}
	return params;
}
