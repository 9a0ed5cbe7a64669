import { ZOHO_ACTIONS, postponeRenewalBody } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.postponeRenewal;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.subscription, action, {
	option: {
		name: 'Change Next Billing Date',
		description: `Postpone a subscription's renewal, extending its current term; Zoho cannot bring a renewal forward (needs the scope ${action.scope})`,
		action: 'Change the next billing date of a subscription',
	},
	locator: 'The subscription whose renewal to postpone',
	properties: [
		{
			displayName: 'Next Billing Date',
			name: 'nextBillingDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: "The new renewal day (the organization's day): later than the current one",
		},
	],
	request(_subscriptionId, itemIndex) {
		const body = postponeRenewalBody(this.getNodeParameter('nextBillingDate', itemIndex));
		return { body, output: body };
	},
});
