/**
 * Zoho Billing's API budget, as reported for its current plans (a secondary source quoting Zoho's
 * API introduction; UNCONFIRMED): about 1,000 calls a day on Standard and 5,000 on Premium, about 100
 * a minute per organization, and 10 calls at once on paid plans (5 on Free). Excess is answered 429.
 * Everything that polls or fetches in bulk states its cost against these.
 */
export const ZOHO_API_BUDGET = {
	standardCallsPerDay: 1000,
	premiumCallsPerDay: 5000,
	callsPerMinute: 100,
	concurrentCalls: 10,
} as const;

/** List calls a day that polling every `minutes` minutes costs when it finds nothing new. */
export function idlePollCallsPerDay(minutes: number): number {
	return Math.ceil((24 * 60) / minutes);
}

/** What polling costs, for the polling trigger's notice: plain prose (n8n strips markup there). */
export function pollingCostNotice(): string {
	const costs = [1, 5, 15, 60]
		.map(
			(minutes) =>
				`every ${minutes === 60 ? 'hour' : minutes === 1 ? 'minute' : `${minutes} minutes`}: ${idlePollCallsPerDay(minutes).toLocaleString('en-US')}`,
		)
		.join(', ');
	return (
		`Cost in Zoho API calls: each poll lists events with one call, and each event it hands on (or, with ` +
		`"Only Events Zoho Could Not Deliver", each event it checks) costs one more. Calls a day for polling ` +
		`alone: ${costs}. Zoho allows about ${ZOHO_API_BUDGET.standardCallsPerDay.toLocaleString('en-US')} ` +
		`calls a day on Standard plans and ${ZOHO_API_BUDGET.premiumCallsPerDay.toLocaleString('en-US')} on ` +
		'Premium, shared by everything that uses your Zoho Billing API, so poll every 5 to 15 minutes.'
	);
}
