import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getOperation } from '../lookup';

/** Get: `GET /subscriptions/{subscription_id}`. */
export const { description, execute } = getOperation(
	LOOKUP_RESOURCES.subscription,
	'subscriptionId',
);
