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
