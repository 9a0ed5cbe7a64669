import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { findOperation } from './find-operation';
import { itemError } from './item-error';

/**
 * The one shape of an operation, for both nodes (in the manner of n8n's Airtable v2): each operation
 * module declares how the Operation picker lists it, its own parameters, and what it does with the
 * input items; each resource groups its operations; each node has one table of its resources, from
 * which its parameters (pickers included) and its router are derived.
 */

/** What one input item came to: its output items, each paired to it, or its error. */
export type ItemOutcome =
	| { itemIndex: number; json: IDataObject[] }
	| { itemIndex: number; error: Error };

export interface NodeOperation {
	/** Its entry in the resource's Operation picker (the value is its key in the resource). */
	option: Omit<INodePropertyOptions, 'value'>;
	/**
	 * Its parameters, with only their own display conditions (e.g. `{ show: { returnAll: [false] } }`):
	 * the resource and operation are added where the node's parameters are built.
	 */
	properties: INodeProperties[];
	/** Runs the operation on the input items (indexes), every item's outcome in input order. */
	execute(this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]>;
}

export interface NodeResource {
	/** Its entry in the Resource picker (the value is its key in the node's table). */
	option: Omit<INodePropertyOptions, 'value'>;
	operations: Record<string, NodeOperation>;
	/** The operation the picker starts on. */
	defaultOperation: string;
}

/**
 * Parameters shown for one resource and operation: each property's own `displayOptions.show` gets the
 * resource and operation added, as n8n's nodes-base `updateDisplayOptions` does. They come first: n8n
 * reads the conditions in order, and one on a parameter set by expression must not decide before
 * the resource and operation have.
 */
export function updateDisplayOptions(
	show: { resource: string[]; operation?: string[] },
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, ...property.displayOptions?.show },
		},
	}));
}

/** The node's parameters: the Resource picker, then each resource's Operation picker and parameters. */
export function nodeProperties(
	resources: Record<string, NodeResource>,
	defaultResource: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: Object.entries(resources).map(([value, resource]) => ({
				...resource.option,
				value,
			})),
			default: defaultResource,
		},
		...Object.entries(resources).flatMap(([name, resource]) => [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options' as const,
				noDataExpression: true,
				displayOptions: { show: { resource: [name] } },
				options: Object.entries(resource.operations).map(([value, operation]) => ({
					...operation.option,
					value,
				})),
				default: resource.defaultOperation,
			},
			...Object.entries(resource.operations).flatMap(([value, operation]) =>
				updateDisplayOptions({ resource: [name], operation: [value] }, operation.properties),
			),
		]),
	];
}

/**
 * The node's `execute`: the chosen operation on all input items; every input item gets its output
 * items (paired to it) or, under Continue On Fail, one error item, in input order.
 */
export function router(resources: Record<string, NodeResource>) {
	const operations = Object.fromEntries(
		Object.entries(resources).map(([name, resource]) => [name, resource.operations]),
	);
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = findOperation(this, operations);
		const indexes = this.getInputData().map((_, index) => index);
		const outcomes = await operation.execute.call(this, indexes);
		return [
			outcomes.flatMap((outcome) =>
				'error' in outcome
					? [itemError(this, outcome.error, outcome.itemIndex)]
					: outcome.json.map((json) => ({ json, pairedItem: { item: outcome.itemIndex } })),
			),
		];
	};
}

/**
 * An `execute` that handles one item at a time, in order: `run` gives the item's output items.
 * Without Continue On Fail, the first error ends the run (no further item costs a call). `before`
 * runs ahead of each item's work, e.g. to check scopes before any call.
 */
export function eachItem(
	run: (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>,
	before?: (this: IExecuteFunctions, itemIndex: number) => Promise<void>,
): NodeOperation['execute'] {
	return async function (this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
		const outcomes: ItemOutcome[] = [];
		for (const itemIndex of itemIndexes) {
			try {
				await before?.call(this, itemIndex);
				outcomes.push({ itemIndex, json: await run.call(this, itemIndex) });
			} catch (error) {
				outcomes.push({ itemIndex, error: error as Error });
				if (!this.continueOnFail()) break;
			}
		}
		return outcomes;
	};
}
