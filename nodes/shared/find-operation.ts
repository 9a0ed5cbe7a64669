import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** The operation module chosen by the `resource` and `operation` parameters of an item. */
export function findOperation<Operation>(
	context: IExecuteFunctions,
	resources: Record<string, Record<string, Operation>>,
	itemIndex: number,
): Operation {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" on "${resource}" is not supported`, { itemIndex });
	}
	return found;
}
