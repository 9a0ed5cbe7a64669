import {
	NodeOperationError,
	type IExecuteFunctions,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { wholeNumber } from '../../lib/whole-number';

/**
 * A numeric parameter's value checked (lib/whole-number.ts), or n8n's error on the item naming the
 * parameter: n8n's min and max hold only for typed-in values, not for expressions.
 */
export function checkedWholeNumber(
	node: INode,
	value: unknown,
	label: string,
	range: { min: number; max?: number },
	itemIndex?: number,
): number {
	try {
		return wholeNumber(value, label, range.min, range.max);
	} catch (error) {
		throw new NodeOperationError(
			node,
			error as Error,
			itemIndex === undefined ? {} : { itemIndex },
		);
	}
}

/** Return All and Limit of a Get Many: Infinity, or the Limit checked (a whole number of at least 1). */
export function checkedLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	return checkedWholeNumber(
		context.getNode(),
		context.getNodeParameter('limit', itemIndex),
		'Limit',
		{ min: 1 },
		itemIndex,
	);
}

/** An "Options" collection ("Add Option") of these optional parameters, read as `options.<name>`. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
