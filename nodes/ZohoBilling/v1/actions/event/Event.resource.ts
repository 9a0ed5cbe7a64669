import type { INodeProperties } from 'n8n-workflow';

import type { ZohoBillingOperation } from '../node.type';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, ZohoBillingOperation> = { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one event with its full payload',
				action: 'Get an event',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List events, newest filters first',
				action: 'Get many events',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
