import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { BULK_MAX_BYTES, packBulkRequests } from '../../../../lib/moengage/bulk-batches';
import type { MoEngageElement } from '../../../../lib/moengage/elements';
import { moEngageApiRequest, type MoEngageEndpoint, type MoEngageSendSettings } from './index';

/**
 * Sending the MoEngage elements of a node run: packed into Bulk Import requests under 100 KB, or one
 * Track User / Create Event request per element. Each item's outcome is reported on its own, so the
 * router can give every input item exactly one output item.
 */

/** The elements one input item became. */
export interface PreparedItem {
	itemIndex: number;
	elements: MoEngageElement[];
}

/** How one item was delivered (the fields of its output item), or why it was not. */
export type ItemOutcome =
	| { itemIndex: number; delivery: IDataObject }
	| { itemIndex: number; error: Error };

export type SendMode = 'batch' | 'perItem';

export interface SendOptions {
	sendMode: SendMode;
	settings: MoEngageSendSettings;
	/** Without Continue On Fail the run ends at the first failure, so nothing after it is sent. */
	stopAtFirstFailure: boolean;
}

export async function sendToMoEngage(
	this: IExecuteFunctions,
	items: PreparedItem[],
	options: SendOptions,
): Promise<ItemOutcome[]> {
	return options.sendMode === 'perItem'
		? await sendPerItem.call(this, items, options)
		: await sendInBulk.call(this, items, options);
}

const ENDPOINTS: Record<MoEngageElement['type'], MoEngageEndpoint> = {
	customer: '/customer',
	event: '/event',
};

async function sendPerItem(
	this: IExecuteFunctions,
	items: PreparedItem[],
	{ settings, stopAtFirstFailure }: SendOptions,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	for (const { itemIndex, elements } of items) {
		try {
			const requestIds: string[] = [];
			for (const element of elements) {
				const response = await moEngageApiRequest.call(
					this,
					ENDPOINTS[element.type],
					element as unknown as IDataObject,
					itemIndex,
					settings,
				);
				if (typeof response.request_id === 'string') requestIds.push(response.request_id);
			}
			outcomes.push({ itemIndex, delivery: { delivery: 'perItem', requestIds } });
		} catch (error) {
			outcomes.push({ itemIndex, error: error as Error });
			if (stopAtFirstFailure) break;
		}
	}
	return outcomes;
}

async function sendInBulk(
	this: IExecuteFunctions,
	items: PreparedItem[],
	{ settings, stopAtFirstFailure }: SendOptions,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	const { requests, tooLarge } = packBulkRequests(items.map((item) => item.elements));
	for (const { entry, bytes } of tooLarge) {
		const { itemIndex } = items[entry];
		outcomes.push({
			itemIndex,
			error: new NodeOperationError(
				this.getNode(),
				`The item is ${bytes} bytes as MoEngage data, over the ${BULK_MAX_BYTES}-byte Bulk Import limit`,
				{
					itemIndex,
					description:
						'Shorten its attributes, or use Send Mode "One Request per Item" (128 KB limit)',
				},
			),
		});
		if (stopAtFirstFailure) return outcomes;
	}

	let sentItems = 0;
	for (const [batchIndex, request] of requests.entries()) {
		const batch = request.entries.map((entry) => items[entry]);
		try {
			const response = await moEngageApiRequest.call(
				this,
				'/transition',
				request.body,
				batch[0].itemIndex,
				settings,
			);
			for (const { itemIndex } of batch) {
				outcomes.push({
					itemIndex,
					delivery: {
						delivery: 'bulk',
						batch: batchIndex + 1,
						batchItems: batch.length,
						batchBytes: request.bytes,
						...(typeof response.request_id === 'string' ? { requestId: response.request_id } : {}),
					},
				});
			}
			sentItems += batch.length;
		} catch (error) {
			// MoEngage accepts or refuses a Bulk Import request whole. Say what already reached it, so a
			// re-run can be judged (user updates are idempotent, events are not).
			const failure = error as Error & { description?: string | null };
			const first = batch[0].itemIndex;
			const last = batch[batch.length - 1].itemIndex;
			failure.description =
				`${failure.description ?? ''} ${sentItems} item(s) were sent in earlier requests; ` +
				`this request held items ${first}-${last}.`;
			failure.description = failure.description.trim();
			for (const { itemIndex } of batch) outcomes.push({ itemIndex, error: failure });
			if (stopAtFirstFailure) break;
		}
	}
	return outcomes;
}
