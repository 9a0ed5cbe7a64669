import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MoEngageElement } from '../../../../../../lib/moengage/elements';
import type { OverLongPolicy } from '../../../../../../lib/moengage/validation';
import type { MoEngageSendSettings } from '../../../../../../nodes/shared/moengage/client';

/**
 * One operation that tracks data: its parameters, and the MoEngage elements one input item becomes.
 * Sending is done for all of them alike (nodes/shared/moengage/send.ts), so each gets batching,
 * retries and per-item results.
 */
export interface MoEngageElementOperation {
	description: INodeProperties[];
	/** `limits`: what to do with over-long names and values; warnings about the item go into it. */
	buildElements(
		this: IExecuteFunctions,
		itemIndex: number,
		limits: OverLongPolicy,
	): MoEngageElement[];
}

/**
 * Thrown by `buildElements` for an item the user asked to leave out (e.g. a Zoho customer with no
 * email, under Skip Events Without Identifier): the item is output as skipped, with the reason, not
 * failed and not dropped silently.
 */
export class SkippedItem extends Error {}

/** What one input item of a user-care operation came to: its output, or its error. */
export type ItemOutcome =
	| { itemIndex: number; json: IDataObject }
	| { itemIndex: number; error: Error };

/**
 * One operation that manages users (Delete, Merge): its parameters, and how it runs the items, one
 * Data API request per user or per batch of pairs, each item's outcome in input order.
 */
export interface MoEngageUserCareOperation {
	description: INodeProperties[];
	run(
		this: IExecuteFunctions,
		itemIndexes: number[],
		settings: MoEngageSendSettings,
	): Promise<ItemOutcome[]>;
}

export type MoEngageOperation = MoEngageElementOperation | MoEngageUserCareOperation;
