import type { INodeProperties } from 'n8n-workflow';

import type { MoEngageOperation } from '../node.type';
import * as track from './track.operation';

export const operations: Record<string, MoEngageOperation> = { track };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Track',
				value: 'track',
				description: 'Record an event for a user (Create Event API)',
				action: 'Track an event',
			},
		],
		default: 'track',
	},
	...track.description,
];
