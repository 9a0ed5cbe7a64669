import { actionVersionDescription } from '../../../../../../nodes/shared/version-description';
import { DEFAULT_RESOURCE, resources } from './resources';

/** What version 1 adds to the base description: its parameters, connections and credentials. */
export const versionDescription = actionVersionDescription(1, resources, DEFAULT_RESOURCE, [
	{
		name: 'zohoBillingOAuth2Api',
		required: true,
		displayOptions: { hide: { resource: ['webhook'] } },
	},
	// Verifying a webhook calls no Zoho API: it needs only the webhook's Secret Token.
	{
		name: 'zohoBillingWebhookApi',
		required: true,
		displayOptions: { show: { resource: ['webhook'] } },
	},
]);
