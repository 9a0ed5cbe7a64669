import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.reactivateSubscription;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.subscription, action, {
	option: {
		name: 'Reactivate',
		description: `Undo a cancellation at the end of the term: Zoho reactivates only non-renewing subscriptions (needs the scope ${action.scope})`,
		action: 'Reactivate a subscription',
	},
	locator: 'The non-renewing subscription to reactivate',
});
