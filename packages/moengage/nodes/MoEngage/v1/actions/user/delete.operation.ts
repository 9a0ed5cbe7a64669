import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deleteUserBody } from '../../../../../../../lib/moengage/user-care';
import {
	moEngageApiRequest,
	type MoEngageSendSettings,
} from '../../../../../../../nodes/shared/moengage/client';
import { requestOptionsCollection } from '../common.description';
import type { ItemOutcome } from '../node.type';

const show = { resource: ['user'], operation: ['delete'] };

export const description: INodeProperties[] = [
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
		displayOptions: { show },
	},
	{
		displayName: 'User ID',
		name: 'deleteIdentityValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ana.silva@example.com',
		description: 'The customer ID or MoEngage ID of the user to delete',
		displayOptions: { show },
	},
	requestOptionsCollection(show),
];

/**
 * One Delete Users request per item (MoEngage takes one user per request, 5,000 requests a minute).
 * MoEngage keeps the user active for a 24-hour buffer and accepts a repeat within it again
 * (data.yaml, /customer/delete), so a delete is retried like any request that does no harm twice.
 */
export async function run(
	this: IExecuteFunctions,
	itemIndexes: number[],
	settings: MoEngageSendSettings,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const itemIndex of itemIndexes) {
		try {
			const body = deleteUserBody(
				this.getNodeParameter('deleteIdentityType', itemIndex),
				this.getNodeParameter('deleteIdentityValue', itemIndex),
			);
			const response = await moEngageApiRequest.call(
				this,
				'/customer/delete',
				body,
				itemIndex,
				settings,
				'repeatable',
			);
			outcomes.push({
				itemIndex,
				json: {
					status: 'accepted',
					...body,
					message: response.message ?? 'accepted',
					note: 'MoEngage deletes the user after a 24-hour buffer, in which the user stays active',
				},
			});
		} catch (error) {
			outcomes.push({ itemIndex, error: error as Error });
			if (!this.continueOnFail()) break;
		}
	}
	return outcomes;
}
