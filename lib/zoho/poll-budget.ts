/**
 * The polling trigger's daily budget of Zoho calls: how often an idle poll may call Zoho, and when a
 * day's calls have passed the budget. Pure: the trigger passes the clock and the calls it made.
 *
 * Why: Zoho's API budget is per organization and small (about 1,000 calls a day on Standard, 5,000 on
 * Premium: reported, lib/zoho/api-budget.ts), shared by every integration of the organization. n8n
 * gives a polling trigger "Every Minute" by default, 1,440 list calls a day while nothing happens.
 *
 * The rule:
 * - The UTC day is cut into `budget` equal slots (500: one every 2.9 minutes). A poll calls Zoho only
 *   in a slot in which no poll has called it yet, so idle polls cost at most `budget` calls a UTC
 *   day, whatever n8n's Poll Times say. A poll n8n starts in a used slot returns at once, no call.
 * - Except while a backlog is being handed on (the last poll left matching events for later, as a
 *   backfill does): then every poll n8n starts runs, so no event waits longer than it would have.
 *   Events are always fetched when a poll finds them; the budget never drops or defers one.
 * - Every call is counted per UTC day; the first time a day's count passes the budget, the trigger
 *   reports it once (n8n's log).
 * - A budget of 0 turns the spacing off (every poll n8n starts calls Zoho); calls are still counted.
 */

import { ZOHO_API_BUDGET } from './api-budget';

/** Calls a day the trigger may spend idling, unless the user sets otherwise: half Standard's cap. */
export const DEFAULT_DAILY_CALL_BUDGET = 500;
/** Above this the slots would be shorter than n8n's shortest poll interval (a minute) anyway. */
export const MAX_DAILY_CALL_BUDGET = 100_000;

const DAY_MS = 24 * 60 * 60_000;

/** What the trigger keeps between polls (in its static data). */
export interface PollBudgetState {
	/** The UTC day the count is for, YYYY-MM-DD. */
	day: string;
	/** Zoho calls made that day. */
	calls: number;
	/** The slot (`day#index`) of the last poll that called Zoho. */
	slot?: string;
	/** Whether the last poll left matching events for later. */
	backlog?: boolean;
	/** The day whose passing of the budget was reported. */
	reported?: string;
}

const utcDay = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 10);

/** The slot `nowMs` falls in, for a budget of `budget` calls a day (1 or more). */
export function budgetSlot(nowMs: number, budget: number): string {
	const day = utcDay(nowMs);
	const sinceMidnight = nowMs - Date.parse(`${day}T00:00:00Z`);
	return `${day}#${Math.floor((sinceMidnight * budget) / DAY_MS)}`;
}

/** Minutes between slots: how often an idle poll calls Zoho at most. */
export function slotMinutes(budget: number): number {
	return DAY_MS / budget / 60_000;
}

/** Whether this poll may call Zoho (see the rule above). */
export function mayPoll(
	state: PollBudgetState | undefined,
	budget: number,
	nowMs: number,
): boolean {
	if (budget === 0 || !state || state.backlog) return true;
	return state.slot !== budgetSlot(nowMs, budget);
}

/**
 * The state after a poll that called Zoho `calls` times (started at `startedMs`), and whether this
 * poll took the day's count past the budget for the first time that day (to be reported once).
 */
export function afterPoll(
	state: PollBudgetState | undefined,
	poll: { budget: number; startedMs: number; calls: number; backlog: boolean },
): { state: PollBudgetState; passedBudget: boolean } {
	const day = utcDay(poll.startedMs);
	const before = state?.day === day ? state.calls : 0;
	const calls = before + poll.calls;
	const passedBudget = poll.budget > 0 && calls > poll.budget && state?.reported !== day;
	const reported = passedBudget ? day : state?.reported;
	return {
		state: {
			day,
			calls,
			...(poll.budget > 0 ? { slot: budgetSlot(poll.startedMs, poll.budget) } : {}),
			...(poll.backlog ? { backlog: true } : {}),
			...(reported === undefined ? {} : { reported }),
		},
		passedBudget,
	};
}

/** Idle-poll calls a UTC day for n8n polling every `intervalMinutes` (1 to 1,440), under `budget`. */
export function idleCallsPerDay(intervalMinutes: number, budget: number): number {
	const polls = Math.ceil((24 * 60) / intervalMinutes);
	return budget === 0 ? polls : Math.min(polls, budget);
}

const count = (value: number) => value.toLocaleString('en-US');

/** What polling costs and what the budget does, for the trigger's notice: plain prose (n8n strips markup there). */
export function pollingCostNotice(): string {
	const budget = DEFAULT_DAILY_CALL_BUDGET;
	return (
		'Cost in Zoho API calls: each poll lists events with one call, and each event it hands on (or, with ' +
		'"Only Events Zoho Could Not Deliver", each event it checks) costs one more. Idle polls keep to the ' +
		`Daily Call Budget (Options, default ${count(budget)}): at most one poll calls Zoho in each ` +
		`${slotMinutes(budget).toFixed(1)} minutes, so n8n's default Every Minute costs ` +
		`${count(idleCallsPerDay(1, budget))} calls a day while idle, not ${count(idleCallsPerDay(1, 0))}; every 5 minutes ` +
		`${count(idleCallsPerDay(5, budget))}, every 15 minutes ${count(idleCallsPerDay(15, budget))}. Events are ` +
		"fetched when a poll finds them, whatever the budget, and n8n's log says when a day's calls pass it. " +
		`Zoho allows about ${count(ZOHO_API_BUDGET.standardCallsPerDay)} calls a day on Standard plans and ` +
		`${count(ZOHO_API_BUDGET.premiumCallsPerDay)} on Premium, shared by everything that uses your organization's API.`
	);
}

/** The log line for a day whose calls passed the budget (once a day). */
export function budgetPassedMessage(poll: {
	nodeName: string;
	workflowId: string;
	calls: number;
	budget: number;
}): string {
	return (
		`Zoho Billing Polling Trigger "${poll.nodeName}" (workflow ${poll.workflowId}) has made ` +
		`${count(poll.calls)} Zoho Billing API calls today (UTC), past its Daily Call Budget of ` +
		`${count(poll.budget)}. Events are still fetched as polls find them; idle polls stay at one in ` +
		`each ${slotMinutes(poll.budget).toFixed(1)} minutes. Zoho's daily cap (about ` +
		`${count(ZOHO_API_BUDGET.standardCallsPerDay)} calls on Standard plans) is shared by the whole ` +
		'organization: raise the budget, or set fewer events to fetch, if this happens often.'
	);
}
