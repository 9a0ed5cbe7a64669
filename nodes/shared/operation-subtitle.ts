import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's subtitle on the canvas: the chosen operation's action, e.g. "Get many customers", the
 * same words the node panel lists it under. Built from the Operation parameters, so an operation has
 * one name everywhere.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		for (const option of property.options ?? []) {
			const { value, action } = option as { value?: unknown; action?: string };
			if (action)
				for (const resource of resources) actions[`${String(resource)}:${String(value)}`] = action;
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
