import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';

import { BULK_MAX_BYTES, packBulkRequests } from '../../../../lib/moengage/bulk-batches';
import type { MoEngageElement } from '../../../../lib/moengage/elements';
import { findOperation } from '../../../shared/find-operation';
import { itemError } from '../../../shared/item-error';
import { readSendSettings } from '../helpers/parameters';
import { moEngageApiRequest, type MoEngageEndpoint, type MoEngageSendSettings } from '../transport';
import * as event from './event/Event.resource';
import type { MoEngageOperation } from './node.type';
import * as user from './user/User.resource';
import * as zohoBillingEvent from './zohoBillingEvent/ZohoBillingEvent.resource';

const resources: Record<string, Record<string, MoEngageOperation>> = {
	user: user.operations,
	event: event.operations,
	zohoBillingEvent: zohoBillingEvent.operations,
};

interface Prepared {
	itemIndex: number;
	elements: MoEngageElement[];
}

/**
 * Every item is first turned into MoEngage elements (validation errors stay with their item), then
 * sent: packed into Bulk Import requests under 100 KB, or one Track User / Create Event request per
 * element. Each input item gets exactly one output item, paired to it, in input order.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const prepared: Prepared[] = [];
	const operation = findOperation(this, resources);

	const fail = (itemIndex: number, error: Error) => {
		results[itemIndex] = itemError(this, error, itemIndex);
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ itemIndex, elements: operation.buildElements.call(this, itemIndex) });
		} catch (error) {
			fail(itemIndex, error as Error);
		}
	}

	if (prepared.length > 0) {
		const { sendMode, settings } = readSendSettings(this);
		if (sendMode === 'perItem') {
			await sendPerItem.call(this, prepared, results, fail, settings);
		} else {
			await sendInBulk.call(this, prepared, results, fail, settings);
		}
	}

	return [results.filter((result): result is INodeExecutionData => result !== undefined)];
}

type Fail = (itemIndex: number, error: Error) => void;

function success(
	itemIndex: number,
	elements: MoEngageElement[],
	delivery: IDataObject,
): INodeExecutionData {
	return {
		json: { status: 'success', ...delivery, elements: elements as unknown as IDataObject[] },
		pairedItem: { item: itemIndex },
	};
}

const ENDPOINTS: Record<MoEngageElement['type'], MoEngageEndpoint> = {
	customer: '/customer',
	event: '/event',
};

async function sendPerItem(
	this: IExecuteFunctions,
	prepared: Prepared[],
	results: Array<INodeExecutionData | undefined>,
	fail: Fail,
	settings: MoEngageSendSettings,
) {
	for (const { itemIndex, elements } of prepared) {
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
			results[itemIndex] = success(itemIndex, elements, { delivery: 'perItem', requestIds });
		} catch (error) {
			fail(itemIndex, error as Error);
		}
	}
}

async function sendInBulk(
	this: IExecuteFunctions,
	prepared: Prepared[],
	results: Array<INodeExecutionData | undefined>,
	fail: Fail,
	settings: MoEngageSendSettings,
) {
	const { requests, tooLarge } = packBulkRequests(prepared.map((entry) => entry.elements));
	for (const { entry, bytes } of tooLarge) {
		const { itemIndex } = prepared[entry];
		fail(
			itemIndex,
			new NodeOperationError(
				this.getNode(),
				`The item is ${bytes} bytes as MoEngage data, over the ${BULK_MAX_BYTES}-byte Bulk Import limit`,
				{
					itemIndex,
					description:
						'Shorten its attributes, or use Send Mode "One Request per Item" (128 KB limit)',
				},
			),
		);
	}

	let sentItems = 0;
	for (const [batchIndex, request] of requests.entries()) {
		const batchItems = request.entries.map((entry) => prepared[entry]);
		try {
			const response = await moEngageApiRequest.call(
				this,
				'/transition',
				request.body,
				batchItems[0].itemIndex,
				settings,
			);
			for (const { itemIndex, elements } of batchItems) {
				results[itemIndex] = success(itemIndex, elements, {
					delivery: 'bulk',
					batch: batchIndex + 1,
					batchItems: batchItems.length,
					batchBytes: request.bytes,
					...(typeof response.request_id === 'string' ? { requestId: response.request_id } : {}),
				});
			}
			sentItems += batchItems.length;
		} catch (error) {
			const failure = error as NodeApiError;
			if (!this.continueOnFail()) {
				// Say what already reached MoEngage, so a re-run can be judged (MoEngage updates are idempotent).
				failure.description =
					`${failure.description ?? ''} ${sentItems} item(s) were sent in earlier requests; this request held items ${batchItems[0].itemIndex}-${batchItems[batchItems.length - 1].itemIndex}.`.trim();
			}
			for (const { itemIndex } of batchItems) fail(itemIndex, failure);
		}
	}
}
