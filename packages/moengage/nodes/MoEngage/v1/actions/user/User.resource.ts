import type { INodeProperties } from 'n8n-workflow';

import type { MoEngageOperation } from '../node.type';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteUser from './delete.operation';
import * as merge from './merge.operation';

export const operations: Record<string, MoEngageOperation> = {
	createOrUpdate,
	delete: deleteUser,
	merge,
};

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
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Destructive: delete a user (Delete Users API). MoEngage deletes after a 24-hour buffer; one user per request, 5,000 requests a minute.',
				action: 'Delete a user',
			},
			{
				name: 'Merge',
				value: 'merge',
				description:
					'Destructive: merge one user into another by customer ID, for good (Merge Users API). Up to 50 pairs per request (the node packs them), 1,000 a minute; not available with identity resolution.',
				action: 'Merge two users',
			},
		],
		default: 'createOrUpdate',
	},
	...createOrUpdate.description,
	...deleteUser.description,
	...merge.description,
];
