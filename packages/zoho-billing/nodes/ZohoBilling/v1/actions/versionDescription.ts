import { NodeConnectionTypes, type INodeProperties } from 'n8n-workflow';

import { operationSubtitle } from '../../../../../../nodes/shared/operation-subtitle';
import type { VersionDescription } from '../../../../../../nodes/shared/version-description';
import * as customer from './customer/Customer.resource';
import * as event from './event/Event.resource';
import * as invoice from './invoice/Invoice.resource';
import * as plan from './plan/Plan.resource';
import * as subscription from './subscription/Subscription.resource';
import * as webhook from './webhook/Webhook.resource';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Event', value: 'event' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Plan', value: 'plan' },
			{ name: 'Subscription', value: 'subscription' },
			{ name: 'Webhook', value: 'webhook' },
		],
		default: 'event',
	},
	...customer.description,
	...event.description,
	...invoice.description,
	...plan.description,
	...subscription.description,
	...webhook.description,
];

/** What version 1 adds to the base description: its parameters, connections and credential. */
export const versionDescription: VersionDescription = {
	version: 1,
	subtitle: operationSubtitle(properties),
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
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
	],
	properties,
};
