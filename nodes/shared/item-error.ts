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
 *
 * Under "On Error: Continue (using error output)" the item also carries the error itself (`error`):
 * that is what n8n looks for to send an item to the error output. Without it n8n only recognises an
 * item whose JSON holds nothing but `error`, `message` and `details`, and ours has a `description`.
 */
export function itemError(
	context: IExecuteFunctions,
	error: Error & { description?: string | null },
	itemIndex: number,
): INodeExecutionData {
	// Read before wrapping: wrapping an n8n error hands back the same object, with options applied.
	const { message, description } = error;

	const nodeError =
		error instanceof NodeApiError
			? new NodeApiError(context.getNode(), error as unknown as JsonObject, { itemIndex })
			: new NodeOperationError(context.getNode(), error, { itemIndex });
	if (!context.continueOnFail()) throw nodeError;
	return {
		json: { error: message, ...(description ? { description } : {}) },
		...(context.getNode().onError === 'continueErrorOutput' ? { error: nodeError } : {}),
		pairedItem: { item: itemIndex },
	};
}
