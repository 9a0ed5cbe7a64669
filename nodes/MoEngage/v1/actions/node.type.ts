import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { MoEngageElement } from '../../../../lib/moengage/elements';

/**
 * One operation: its parameters, and the MoEngage elements one input item becomes. Sending is the
 * router's job, so every operation gets batching, retries and per-item results the same way.
 */
export interface MoEngageOperation {
	description: INodeProperties[];
	buildElements(this: IExecuteFunctions, itemIndex: number): MoEngageElement[];
}
