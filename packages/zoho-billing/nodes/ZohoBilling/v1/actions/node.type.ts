import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** One operation module: how the panel lists it, its parameters, what it does for one input item. */
export interface ZohoBillingOperation {
	/** Its entry in the resource's Operation picker (name, action, description; the value is its key). */
	option: Omit<INodePropertyOptions, 'value'>;
	description: INodeProperties[];
	/**
	 * The OAuth scopes a write needs, its reads included, checked before the operation's first call
	 * (reads of the default Scope need none listed).
	 */
	scopes?: readonly string[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}
