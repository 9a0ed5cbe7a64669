import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { releaseFieldProperty } from '../../../lib/release';
import { ZOHO_SECRET_TOKEN_RULE } from '../../../lib/zoho/webhook-signature';

/**
 * The secret token of a secured Zoho Billing webhook. Kept in a credential rather than a node parameter
 * so it is encrypted at rest and never copied into workflow exports or execution data.
 */
export class ZohoBillingWebhookApi implements ICredentialType {
	name = 'zohoBillingWebhookApi';

	displayName = 'Zoho Billing Webhook API';

	icon: Icon = {
		light: 'file:../icons/zohoBilling.svg',
		dark: 'file:../icons/zohoBilling.dark.svg',
	};

	// A literal, as n8n's lint requires; test/nodes/names-and-docs.test.ts checks it against lib/docs-links.ts.
	documentationUrl =
		'https://github.com/n8n-nodes-zoho-billing-moengage/n8n-nodes-zoho-billing-moengage#zoho-billing-webhook-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			// The rules in the hint, which n8n shows under the field; the description is only a tooltip.
			hint: `${ZOHO_SECRET_TOKEN_RULE}, no spaces or symbols: Zoho accepts nothing else`,
			description: `The Secret Token entered in Zoho Billing when you ticked "I want to secure this webhook": ${ZOHO_SECRET_TOKEN_RULE}`,
		},
		// Which release defined this credential: the nodes check it (lib/release.ts).
		releaseFieldProperty,
	];
}
