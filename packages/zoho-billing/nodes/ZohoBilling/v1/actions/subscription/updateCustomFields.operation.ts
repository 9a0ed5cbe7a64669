import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { customFields } from '../../../../../../../nodes/shared/zoho-billing/custom-fields';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.updateSubscriptionCustomFields;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.subscription, action, {
	option: {
		name: 'Update Custom Fields',
		description: `Set custom fields of a subscription by label, or by API name where the subscription shows the field (two calls: the subscription is read first to find each field's label, which Zoho needs; needs the scope ${action.scope})`,
		action: 'Update custom fields of a subscription',
	},
	locator: 'The subscription whose custom fields to set',
	properties: [customFields.property()],
	readsFirst: true,
	// The subscription is read first: Zoho takes custom fields by label, and the record names each one.
	async request(_subscriptionId, itemIndex, readRecord) {
		// An empty or malformed list fails before any call.
		const wanted = customFields.read(this, itemIndex, { required: true });
		const body = { custom_fields: customFields.body(await readRecord(), wanted, 'subscription') };
		return { body, output: body };
	},
});
