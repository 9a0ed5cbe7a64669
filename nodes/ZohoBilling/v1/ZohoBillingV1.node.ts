import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as event from './actions/event/Event.resource';
import { router } from './actions/router';

export class ZohoBillingV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Billing',
		name: 'zohoBilling',
		icon: { light: 'file:zohoBilling.svg', dark: 'file:zohoBilling.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ ({ get: "Get event", getAll: "Get many events" })[$parameter["operation"]] }}',
		description: 'Look up Zoho Billing events about subscriptions, invoices and payments',
		defaults: {
			name: 'Zoho Billing',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zohoBillingOAuth2Api',
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
				],
				default: 'event',
			},
			...event.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
