import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

/**
 * What a failed item becomes: with Continue On Fail, an output item carrying the error, paired to the
 * input item; otherwise the error is thrown with the item's index. Both error constructors hand back
 * an error of their own type unchanged, so its message, description and HTTP code survive.
 */
export function itemError(
	context: IExecuteFunctions,
	error: Error & { description?: string | null },
	itemIndex: number,
): INodeExecutionData {
	if (!context.continueOnFail()) {
		if (error instanceof NodeApiError)
			throw new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex });
		throw new NodeOperationError(context.getNode(), error, { itemIndex });
	}
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}
