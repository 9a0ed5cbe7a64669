import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationSubtitle } from './operation-subtitle';
import { nodeProperties, type NodeResource } from './operations';

/** What a node version adds to its node's base description (Airtable v2's pattern). */
export type VersionDescription = Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'icon' | 'group' | 'description' | 'defaultVersion' | 'defaults'
>;

/**
 * The version description of an action node (one input, one output, usable as an AI tool): its
 * parameters and subtitle derived from its table of resources, and the credentials it asks for.
 */
export function actionVersionDescription(
	version: number,
	resources: Record<string, NodeResource>,
	defaultResource: string,
	credentials: VersionDescription['credentials'],
): VersionDescription {
	const properties = nodeProperties(resources, defaultResource);
	return {
		version,
		subtitle: operationSubtitle(properties),
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};
}

/**
 * The class of one version of a versioned node: its description is the base, written once in
 * `<Node>.node.ts`, plus the version's own part (the node's default name on the canvas is its display
 * name), and it runs `execute` (the version's router). `methods` are its list searches, if any.
 */
export function nodeVersion(
	version: VersionDescription,
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
	methods?: INodeType['methods'],
) {
	return class implements INodeType {
		description: INodeTypeDescription;

		execute = execute;

		methods = methods;

		constructor(base: INodeTypeBaseDescription) {
			this.description = { ...base, ...version, defaults: { name: base.displayName } };
		}
	};
}
