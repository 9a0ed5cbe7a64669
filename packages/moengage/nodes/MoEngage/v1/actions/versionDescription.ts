import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '../../../../../../nodes/shared/operation-subtitle';
import type { VersionDescription } from '../../../../../../nodes/shared/version-description';
import { nodeProperties } from '../../../../../../nodes/shared/operations';
import { DEFAULT_RESOURCE, resources } from './resources';

const properties = nodeProperties(resources, DEFAULT_RESOURCE);

/** What version 1 adds to the base description: its parameters, connections and credential. */
export const versionDescription: VersionDescription = {
	version: 1,
	subtitle: operationSubtitle(properties),
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{
			name: 'moEngageApi',
			required: true,
		},
	],
	properties,
};
