import { ZOHO_ACTIONS } from '../../../../../../../lib/zoho/actions';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.voidInvoice;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.invoice, action, {
	option: {
		name: 'Void',
		description: `Destructive: mark an invoice void; its payments and credits move to the customer's credits (needs the scope ${action.scope})`,
		action: 'Void an invoice',
	},
	locator: 'The invoice to void',
});
