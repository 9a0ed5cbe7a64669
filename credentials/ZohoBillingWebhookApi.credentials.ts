import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

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

	documentationUrl = 'https://www.zoho.com/billing/kb/webhooks/securing-webhooks.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Token',
			name: 'secretToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Secret Token entered in Zoho Billing when you ticked "I want to secure this webhook": 12 to 50 letters and digits',
		},
	];
}
