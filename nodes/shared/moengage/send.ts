import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { BULK_MAX_BYTES, packBulkRequests } from '../../../lib/moengage/bulk-batches';
import type { MoEngageElement } from '../../../lib/moengage/elements';
import type { Repeatability } from '../../../lib/http/retry-policy';
import {
	mayHaveReachedMoEngage,
	moEngageApiRequest,
	type MoEngageEndpoint,
	type MoEngageSendSettings,
} from './client';

/**
 * Sending the MoEngage elements of a node run: packed into Bulk Import requests under 100 KB, or one
 * Track User / Create Event request per element. Each item's outcome is reported on its own, so the
 * router can give every input item exactly one output item.
 *
 * What an outcome can claim: MoEngage checks a Track User or Create Event request before it answers,
 * so its success is the item's (`status: success`). A Bulk Import request is answered 200 whatever
 * becomes of its elements ("All bulk API requests return a 200 response code. Debugging should be done
 * on the user profile", data.yaml), so its items are only `accepted`.
 *
 * Events are sent once at most (nodes/shared/moengage/client.ts): a request holding events that may have reached
 * MoEngage is not repeated. Its user updates, which a repeat cannot harm, are then sent again on their
 * own, and only the items whose events are in doubt fail, saying so.
 */

/** The elements one input item became. */
export interface PreparedItem {
	itemIndex: number;
	elements: MoEngageElement[];
}

/** How one item was delivered (the fields of its output item), or why it was not. */
export type SendOutcome =
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
): Promise<SendOutcome[]> {
	return options.sendMode === 'perItem'
		? await sendPerItem.call(this, items, options)
		: await sendInBulk.call(this, items, options);
}

const ENDPOINTS: Record<MoEngageElement['type'], MoEngageEndpoint> = {
	customer: '/customer',
	event: '/event',
};

/** A user update may be sent twice; an event may not (MoEngage would record it twice). */
function repeatabilityOf(elements: readonly MoEngageElement[]): Repeatability {
	return elements.some((element) => element.type === 'event') ? 'once' : 'repeatable';
}

async function sendPerItem(
	this: IExecuteFunctions,
	items: PreparedItem[],
	{ settings, stopAtFirstFailure }: SendOptions,
): Promise<SendOutcome[]> {
	const outcomes: SendOutcome[] = [];
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
					repeatabilityOf([element]),
				);
				if (typeof response.request_id === 'string') requestIds.push(response.request_id);
			}
			outcomes.push({
				itemIndex,
				delivery: { status: 'success', delivery: 'perItem', requestIds },
			});
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
): Promise<SendOutcome[]> {
	const outcomes: SendOutcome[] = [];
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
		const accepted = (response: IDataObject, resent = false): IDataObject => ({
			status: 'accepted',
			delivery: 'bulk',
			batch: batchIndex + 1,
			batchItems: batch.length,
			batchBytes: request.bytes,
			...(typeof response.request_id === 'string' ? { requestId: response.request_id } : {}),
			...(resent ? { userUpdateSentAgainAlone: true } : {}),
		});
		try {
			const response = await moEngageApiRequest.call(
				this,
				'/transition',
				request.body,
				batch[0].itemIndex,
				settings,
				repeatabilityOf(batch.flatMap((item) => item.elements)),
			);
			for (const { itemIndex } of batch) outcomes.push({ itemIndex, delivery: accepted(response) });
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
			const retried = mayHaveReachedMoEngage(error)
				? await resendUserUpdates.call(this, batch, settings, failure)
				: undefined;
			for (const item of batch) {
				const resent = retried?.get(item.itemIndex);
				outcomes.push(
					resent && !item.elements.some((element) => element.type === 'event')
						? { itemIndex: item.itemIndex, delivery: accepted(resent, true) }
						: { itemIndex: item.itemIndex, error: failure },
				);
			}
			if (stopAtFirstFailure) break;
		}
	}
	return outcomes;
}

/**
 * After a Bulk Import request holding events failed in a way that leaves open whether MoEngage
 * recorded it: its user updates, which a repeat cannot harm, are sent again on their own (retried as
 * usual). The answer per item whose update went through; the doubtful events are not sent again, and
 * `failure` says whether the updates were.
 */
async function resendUserUpdates(
	this: IExecuteFunctions,
	batch: PreparedItem[],
	settings: MoEngageSendSettings,
	failure: Error & { description?: string | null },
): Promise<Map<number, IDataObject>> {
	const updates = batch.map((item) =>
		item.elements.filter((element) => element.type === 'customer'),
	);
	const { requests } = packBulkRequests(updates);
	const answered = new Map<number, IDataObject>();
	try {
		for (const request of requests) {
			const response = await moEngageApiRequest.call(
				this,
				'/transition',
				request.body,
				batch[request.entries[0]].itemIndex,
				settings,
				'repeatable',
			);
			for (const entry of request.entries) answered.set(batch[entry].itemIndex, response);
		}
		if (requests.length > 0)
			failure.description = `${failure.description} The user updates of these items were sent again on their own and accepted.`;
	} catch {
		failure.description = `${failure.description} Sending their user updates again on their own failed too.`;
	}
	return answered;
}
