/** The workloads the benchmarks and the profiles share, defined once. */
import { PACKAGE } from '../test/harness/run-workflow';

/** `count` users with an ID and a plan tier, as a CRM export would give them. */
export const people = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: `user-${100000 + i}`, tier: ['gold', 'silver', 'bronze'][i % 3] }));

/** The MoEngage node updating each user's plan tier, batched (the default). */
export const moEngageNode = {
	name: 'MoEngage',
	type: `${PACKAGE}.moEngage`,
	credentials: { moEngageApi: { id: '3', name: 'MoEngage' } },
	parameters: {
		resource: 'user',
		operation: 'createOrUpdate',
		identifyBy: 'customerId',
		customerId: '={{ $json.id }}',
		customAttributesMode: 'keyValue',
		customAttributesUi: { attribute: [{ key: 'plan_tier', value: '={{ $json.tier }}' }] },
	},
};
