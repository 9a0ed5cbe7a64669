import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.cancelSubscription;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.subscription, action, {
	option: {
		name: 'Cancel',
		description: `Destructive: cancel a subscription at the end of its term (it stays live until then, and can be reactivated) or at once (needs the scope ${action.scope})`,
		action: 'Cancel a subscription',
	},
	locator: 'The subscription to cancel',
	properties: [
		{
			displayName: 'When',
			name: 'cancelAt',
			type: 'options',
			options: [
				{
					name: 'At End of Term',
					value: 'endOfTerm',
					description:
						'The subscription becomes non-renewing and ends with its current term; Reactivate undoes it until then',
				},
				{
					name: 'Now',
					value: 'now',
					description: 'The subscription is cancelled at once',
				},
			],
			default: 'endOfTerm',
		},
	],
	request(_subscriptionId, itemIndex) {
		const atEnd = this.getNodeParameter('cancelAt', itemIndex, 'endOfTerm') !== 'now';
		return { qs: { cancel_at_end: String(atEnd) } };
	},
});
