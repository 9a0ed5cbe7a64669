/** The workloads the benchmarks and the profiles share, defined once. */
import { asEventsApiRecord, zohoEvent } from '../test/fixtures';
import { moEngageNode, zohoBillingNode } from '../test/support/nodes';

/** The MoEngage credential of the in-process benchmarks, pointing at a stand-in. */
export { moEngageCredentials } from '../test/support/credentials';

/** `count` users with their ID and plan tier, as a CRM export would give them. */
export const people = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		customer_id: `user-${100000 + i}`,
		plan_tier: ['gold', 'silver', 'bronze'][i % 3],
	}));

const moEngageUserUpdate = (parameters: Record<string, unknown>) =>
	moEngageNode({
		resource: 'user',
		operation: 'createOrUpdate',
		identifyBy: 'customerId',
		...parameters,
	});

/** The MoEngage node updating each user's plan tier from the item's fields, batched (the defaults). */
export const userUpdateNode = moEngageUserUpdate({ dataMode: 'autoMapInputData' });

/** The same update with the identifier and the attribute mapped by hand: two expressions per item. */
export const userUpdateNodeWithExpressions = moEngageUserUpdate({
	dataMode: 'defineBelow',
	customerId: '={{ $json.customer_id }}',
	customAttributesMode: 'keyValue',
	customAttributesUi: { attribute: [{ key: 'plan_tier', value: '={{ $json.plan_tier }}' }] },
});

/** `count` distinct events as Zoho's Events API holds them, for the backfill. */
export const backfillEvents = (count: number) =>
	Array.from({ length: count }, (_, i) =>
		asEventsApiRecord({ ...zohoEvent('paymentThankyou'), event_id: String(5000000000000 + i) }),
	);

/** Zoho Billing > Event > Get Many, every page, each event's payload fetched 10 at a time. */
export const backfillNode = zohoBillingNode({
	resource: 'event',
	operation: 'getAll',
	returnAll: true,
	includePayload: true,
	options: { concurrency: 10 },
});

/**
 * `count` events over the `spanMs` after `startMs` (50 minutes unless told), of three types in turn (one `subscription_created`
 * for every `invoice_created` and `payment_thankyou`), newest first as Zoho's list holds them.
 */
export const pollBacklogEvents = (count: number, startMs: number, spanMs = 3_000_000) =>
	Array.from({ length: count }, (_, i) => {
		const fixture = (['subscriptionCreated', 'invoiceCreated', 'paymentThankyou'] as const)[i % 3];
		const time = new Date(startMs + Math.floor((i * spanMs) / count))
			.toISOString()
			.replace(/\.\d{3}Z$/, 'Z');
		return asEventsApiRecord({
			...zohoEvent(fixture),
			event_id: String(6000000000000 + i),
			event_time: time,
		});
	}).reverse();
