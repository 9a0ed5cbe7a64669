/**
 * lib/zoho/poll-budget.ts: the polling trigger's Daily Call Budget. Against any schedule n8n can run
 * (ticks at least a minute apart, any second, any cron) idle polls never cost more than the budget in
 * a UTC day; a backlog is never held back; passing the budget is reported once a day.
 */
import fc from 'fast-check';

import {
	DEFAULT_DAILY_CALL_BUDGET,
	afterPoll,
	budgetPassedMessage,
	budgetSlot,
	idleCallsPerDay,
	mayPoll,
	pollingCostNotice,
	slotMinutes,
	type PollBudgetState,
} from '../../lib/zoho/poll-budget';

const DAY = Date.parse('2026-12-07T00:00:00Z');
const MINUTE = 60_000;

/** Idle polls of a schedule: how many called Zoho on each UTC day. */
function idleCallsByDay(ticks: number[], budget: number): Map<string, number> {
	let state: PollBudgetState | undefined;
	const byDay = new Map<string, number>();
	for (const tick of ticks) {
		if (!mayPoll(state, budget, tick)) continue;
		state = afterPoll(state, { budget, startedMs: tick, calls: 1, backlog: false }).state;
		const day = new Date(tick).toISOString().slice(0, 10);
		byDay.set(day, (byDay.get(day) ?? 0) + 1);
	}
	return byDay;
}

describe('idle polls', () => {
	it('never cost more than the budget in a UTC day, whatever the schedule', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2000 }),
				// n8n polls at least a minute apart (it refuses shorter intervals), plus jitter.
				fc.array(fc.integer({ min: MINUTE, max: 30 * MINUTE }), { minLength: 1, maxLength: 3000 }),
				fc.integer({ min: 0, max: 2 * 24 * 60 * MINUTE }),
				(budget, gaps, startOffset) => {
					const ticks: number[] = [];
					let at = DAY + startOffset;
					for (const gap of gaps) ticks.push((at += gap));
					for (const count of idleCallsByDay(ticks, budget).values())
						expect(count).toBeLessThanOrEqual(budget);
				},
			),
			{ numRuns: 300 },
		);
	});

	it.each([
		[1, 500, 500],
		[1, 1440, 1440],
		[5, 500, 288],
		[15, 500, 96],
		[2, 1000, 720],
		[1, 0, 1440],
	])(
		'every %i minutes under a budget of %i: %i calls a day (the notice states it)',
		(interval, budget, expected) => {
			// n8n fires "every X minutes" at one random second of the minute.
			const ticks = Array.from(
				{ length: (24 * 60) / interval },
				(_, i) => DAY + 37_000 + i * interval * MINUTE,
			);
			expect(idleCallsByDay(ticks, budget).get('2026-12-07')).toBe(expected);
			expect(idleCallsPerDay(interval, budget)).toBe(expected);
		},
	);

	it('a slot is a 1/budget share of the UTC day: 500 make 2.88 minutes', () => {
		expect(slotMinutes(DEFAULT_DAILY_CALL_BUDGET)).toBeCloseTo(2.88, 5);
		expect(budgetSlot(DAY, 500)).toBe('2026-12-07#0');
		expect(budgetSlot(DAY + 172_799, 500)).toBe('2026-12-07#0');
		expect(budgetSlot(DAY + 172_800, 500)).toBe('2026-12-07#1');
		expect(budgetSlot(DAY + 24 * 60 * MINUTE - 1, 500)).toBe('2026-12-07#499');
	});
});

describe('events and backlogs', () => {
	it('a poll after one that left events for later always runs, in the same slot', () => {
		const { state } = afterPoll(undefined, { budget: 24, startedMs: DAY, calls: 3, backlog: true });
		expect(mayPoll(state, 24, DAY + MINUTE)).toBe(true);
		const drained = afterPoll(state, {
			budget: 24,
			startedMs: DAY + MINUTE,
			calls: 2,
			backlog: false,
		});
		expect(mayPoll(drained.state, 24, DAY + 2 * MINUTE)).toBe(false);
		expect(mayPoll(drained.state, 24, DAY + 60 * MINUTE)).toBe(true);
	});

	it('a budget of 0 lets every poll run and still counts the calls', () => {
		const { state } = afterPoll(undefined, { budget: 0, startedMs: DAY, calls: 7, backlog: false });
		expect(mayPoll(state, 0, DAY)).toBe(true);
		expect(state).toEqual({ day: '2026-12-07', calls: 7 });
	});
});

describe('passing the budget', () => {
	it('is reported once a day, at the poll that passes it; the count starts again each UTC day', () => {
		let state: PollBudgetState | undefined;
		const reports: string[] = [];
		const poll = (startedMs: number, calls: number) => {
			const next = afterPoll(state, { budget: 10, startedMs, calls, backlog: false });
			state = next.state;
			if (next.passedBudget) reports.push(`${state.day}:${state.calls}`);
		};
		poll(DAY, 6);
		poll(DAY + 10 * MINUTE, 4); // 10: at the budget, not past it
		poll(DAY + 20 * MINUTE, 1); // 11: past it
		poll(DAY + 30 * MINUTE, 5);
		poll(DAY + 24 * 60 * MINUTE, 3); // the next day
		poll(DAY + 25 * 60 * MINUTE, 9);
		expect(reports).toEqual(['2026-12-07:11', '2026-12-08:12']);
	});

	it("names the node, the workflow, the day's calls and the budget", () => {
		expect(
			budgetPassedMessage({ nodeName: 'Poll Zoho', workflowId: 'w1', calls: 512, budget: 500 }),
		).toMatch(
			/^Zoho Billing Polling Trigger "Poll Zoho" \(workflow w1\) has made 512 Zoho Billing API calls today \(UTC\), past its Daily Call Budget of 500\. .*one in each 2\.9 minutes/,
		);
	});
});

it("the trigger's notice states the default schedule's cost under the default budget", () => {
	expect(pollingCostNotice()).toContain(
		"n8n's default Every Minute costs 500 calls a day while idle, not 1,440; every 5 minutes 288, every 15 minutes 96",
	);
});
