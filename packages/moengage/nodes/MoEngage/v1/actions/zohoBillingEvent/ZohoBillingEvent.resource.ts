import type { INodeProperties } from 'n8n-workflow';

import type { MoEngageOperation } from '../node.type';
import * as sync from './sync.operation';

export const operations: Record<string, MoEngageOperation> = { sync };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['zohoBillingEvent'] } },
		options: [
			{
				name: 'Sync',
				value: 'sync',
				description:
					"Update the user's billing attributes and track the event (Zoho Billing preset)",
				action: 'Sync a billing event',
			},
		],
		default: 'sync',
	},
	...sync.description,
];
