import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * The operation module chosen by the `resource` and `operation` parameters. Both are declared
 * `noDataExpression`, so they are the same for every item: they are read once (from item 0), as n8n's
 * own nodes do, instead of once per item.
 */
export function findOperation<Operation>(
	context: IExecuteFunctions,
	resources: Record<string, Record<string, Operation>>,
): Operation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" on "${resource}" is not supported`,
		);
	}
	return found;
}
