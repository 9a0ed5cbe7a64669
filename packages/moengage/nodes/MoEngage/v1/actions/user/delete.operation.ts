import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteUserBody } from '../../../../../../../lib/moengage/user-care';
import { moEngageApiRequest } from '../../../../../../../nodes/shared/moengage/client';
import { requestOptionsCollection } from '../common.description';
import { eachItem } from '../../../../../../../nodes/shared/operations';
import { readSendSettings } from '../../helpers/parameters';

export const option = {
	name: 'Delete',
	description:
		'Destructive: delete a user (Delete Users API). MoEngage deletes after a 24-hour buffer; one user per request, 5,000 requests a minute.',
	action: 'Delete a user',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Identify User By',
		name: 'deleteIdentityType',
		type: 'options',
		options: [
			{
				name: 'Customer ID',
				value: 'customer_id',
				description: "MoEngage's user ID (customer_id), shown as ID in the dashboard",
			},
			{
				name: 'MoEngage ID',
				value: 'moengage_id',
				description: 'The MoEngage ID of the user profile',
			},
		],
		default: 'customer_id',
	},
	{
		displayName: 'User ID',
		name: 'deleteIdentityValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ana.silva@example.com',
		description: 'The customer ID or MoEngage ID of the user to delete',
	},
	requestOptionsCollection(),
];

/**
 * One Delete Users request per item (MoEngage takes one user per request, 5,000 requests a minute).
 * MoEngage keeps the user active for a 24-hour buffer and accepts a repeat within it again
 * (data.yaml, /customer/delete), so a delete is retried like any request that does no harm twice.
 */
export const execute = eachItem(async function (this: IExecuteFunctions, itemIndex: number) {
	const body = deleteUserBody(
		this.getNodeParameter('deleteIdentityType', itemIndex),
		this.getNodeParameter('deleteIdentityValue', itemIndex),
	);
	const { settings } = readSendSettings(this);
	const response = await moEngageApiRequest.call(
		this,
		'/customer/delete',
		body,
		itemIndex,
		settings,
		'repeatable',
	);
	return [
		{
			status: 'accepted',
			...body,
			message: response.message ?? 'accepted',
			note: 'MoEngage deletes the user after a 24-hour buffer, in which the user stays active',
		},
	];
});
