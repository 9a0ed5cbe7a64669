import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';

/** What a node version adds to its node's base description (Airtable v2's pattern). */
export type VersionDescription = Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'icon' | 'group' | 'description' | 'defaultVersion' | 'defaults'
>;

/**
 * A version's full description: the base, written once in `<Node>.node.ts`, plus the version's own
 * part. The node's default name on the canvas is its display name.
 */
export function describeVersion(
	base: INodeTypeBaseDescription,
	version: VersionDescription,
): INodeTypeDescription {
	return { ...base, ...version, defaults: { name: base.displayName } };
}
