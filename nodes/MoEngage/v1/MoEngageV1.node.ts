import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as event from './actions/event/Event.resource';
import { router } from './actions/router';
import * as user from './actions/user/User.resource';
import * as zohoBillingEvent from './actions/zohoBillingEvent/ZohoBillingEvent.resource';

export class MoEngageV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MoEngage',
		name: 'moEngage',
		icon: { light: 'file:moengage.svg', dark: 'file:moengage.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ ({ zohoBillingEvent: "Sync Zoho Billing event", user: "Create or update user", event: "Track event" })[$parameter["resource"]] }}',
		description:
			'Push user attributes and events to MoEngage, with a preset for Zoho Billing events',
		defaults: {
			name: 'MoEngage',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'moEngageApi',
				required: true,
			},
		],
		properties: [
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
