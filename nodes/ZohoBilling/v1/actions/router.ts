import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { findOperation } from '../../../shared/find-operation';
import * as event from './event/Event.resource';
import type { ZohoBillingOperation } from './node.type';

const resources: Record<string, Record<string, ZohoBillingOperation>> = {
	event: event.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const operation = findOperation(this, resources);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const output = await operation.execute.call(this, itemIndex);
			returnData.push(...this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({
					json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			// Both constructors hand back an error of their own type unchanged, keeping its details.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}

	return [returnData];
}
