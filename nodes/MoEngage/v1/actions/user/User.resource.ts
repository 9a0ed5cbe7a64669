import type { INodeProperties } from 'n8n-workflow';

import type { MoEngageOperation } from '../node.type';
import * as createOrUpdate from './createOrUpdate.operation';

export const operations: Record<string, MoEngageOperation> = { createOrUpdate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				description: 'Create a user or update their attributes (Track User API)',
				action: 'Create or update a user',
			},
		],
		default: 'createOrUpdate',
	},
	...createOrUpdate.description,
];
