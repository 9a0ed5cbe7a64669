import { NodeConnectionTypes, type INodeProperties } from 'n8n-workflow';

import { operationSubtitle } from '../../../../../../nodes/shared/operation-subtitle';
import type { VersionDescription } from '../../../../../../nodes/shared/version-description';
import * as event from './event/Event.resource';
import * as user from './user/User.resource';
import * as zohoBillingEvent from './zohoBillingEvent/ZohoBillingEvent.resource';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Event',
				value: 'event',
			},
			{
				name: 'User',
				value: 'user',
			},
			{
				name: 'Zoho Billing Event',
				value: 'zohoBillingEvent',
				description: 'Preset: sync an event from the Zoho Billing Trigger or Zoho Billing node',
			},
		],
		default: 'zohoBillingEvent',
	},
	...user.description,
	...event.description,
	...zohoBillingEvent.description,
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
			name: 'moEngageApi',
			required: true,
		},
	],
	properties,
};
