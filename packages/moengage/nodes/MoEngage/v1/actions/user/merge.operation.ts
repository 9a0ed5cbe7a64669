import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mergeCalls, mergePair, type MergePair } from '../../../../../../../lib/moengage/user-care';
import { moEngageApiRequest } from '../../../../../../../nodes/shared/moengage/client';
import { requestOptionsCollection } from '../common.description';
import type { ItemOutcome } from '../../../../../../../nodes/shared/operations';
import { readSendSettings } from '../../helpers/parameters';

/** What an accepted pair's item says (see `run`). */
export const MERGE_ACCEPTED_NOTE =
	"MoEngage answers a merge call as a whole and skips a pair it cannot merge: check the retained user's profile in MoEngage";

export const option = {
	name: 'Merge',
	description:
		'Destructive: merge one user into another by customer ID, for good (Merge Users API). Up to 50 pairs per request (the node packs them), 1,000 a minute; not available with identity resolution.',
	action: 'Merge two users',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Retained User',
		name: 'retainedUser',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ana.silva@example.com',
		description: 'Customer ID of the user that stays, and receives the other user’s data',
	},
	{
		displayName: 'Merged User',
		name: 'mergedUser',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ana@old-address.example.com',
		description:
			'Customer ID of the user merged into the retained user. MoEngage deletes it after 30 days without activity; events for it keep it.',
	},
	requestOptionsCollection(),
];

/**
 * One pair per item, packed into Merge Users calls of at most 50 pairs. MoEngage checks a call as a
 * whole, so a refused call fails each of its items; within a call it "will skip that object and
 * continue with others" when a pair fails, and answers 200 for the call, not per pair (data.yaml,
 * /customer/merge). So an item says `accepted`: what MoEngage confirmed, not that this pair merged.
 * Sent once: a merge cannot be undone.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<ItemOutcome[]> {
	const { settings } = readSendSettings(this);
	const outcomes: ItemOutcome[] = [];
	const pairs: Array<{ itemIndex: number; pair: MergePair }> = [];
	for (const itemIndex of itemIndexes) {
		try {
			pairs.push({
				itemIndex,
				pair: mergePair(
					this.getNodeParameter('retainedUser', itemIndex),
					this.getNodeParameter('mergedUser', itemIndex),
				),
			});
		} catch (error) {
			outcomes.push({ itemIndex, error: error as Error });
			if (!this.continueOnFail()) return outcomes;
		}
	}
	for (const call of mergeCalls(pairs)) {
		try {
			const response = await moEngageApiRequest.call(
				this,
				'/customer/merge',
				{ merge_data: call.map(({ pair }) => pair) as unknown as IDataObject[] },
				call[0].itemIndex,
				settings,
				'once',
			);
			for (const { itemIndex, pair } of call)
				outcomes.push({
					itemIndex,
					json: [
						{
							status: 'accepted',
							...pair,
							operation: response.operation ?? 'created',
							note: MERGE_ACCEPTED_NOTE,
						},
					],
				});
		} catch (error) {
			for (const { itemIndex } of call) outcomes.push({ itemIndex, error: error as Error });
			if (!this.continueOnFail()) break;
		}
	}
	return outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
}
