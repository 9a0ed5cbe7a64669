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
				description: verify.option.description,
				action: verify.option.action,
			},
		],
		default: 'verify',
	},
	...verify.description,
];
