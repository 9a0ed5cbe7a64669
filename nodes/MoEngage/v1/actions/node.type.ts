import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MoEngageElement } from '../../../../lib/moengage/elements';
import type { OverLongPolicy } from '../../../../lib/moengage/validation';

/**
 * One operation: its parameters, and the MoEngage elements one input item becomes. Sending is done
 * for all operations alike (transport/send.ts), so each gets batching, retries and per-item results.
 */
export interface MoEngageOperation {
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
