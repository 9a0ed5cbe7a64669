import type { INodeProperties } from 'n8n-workflow';

import type { ZohoBillingOperation } from '../node.type';
import * as verify from './verify.operation';

export const operations: Record<string, ZohoBillingOperation> = { verify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Verify',
				value: 'verify',
				description:
					"Check the Zoho signature of a webhook received by n8n's Webhook node and output its event",
				action: 'Verify a webhook',
			},
		],
		default: 'verify',
	},
	...verify.description,
];
