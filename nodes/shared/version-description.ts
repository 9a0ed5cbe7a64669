import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

/** What a node version adds to its node's base description (Airtable v2's pattern). */
export type VersionDescription = Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'icon' | 'group' | 'description' | 'defaultVersion' | 'defaults'
>;

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
