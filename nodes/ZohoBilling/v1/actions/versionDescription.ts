import { NodeConnectionTypes } from 'n8n-workflow';

import type { VersionDescription } from '../../../shared/version-description';
import * as event from './event/Event.resource';

/** What version 1 adds to the base description: its parameters, connections and credential. */
export const versionDescription: VersionDescription = {
	version: 1,
	subtitle: '={{ ({ get: "Get event", getAll: "Get many events" })[$parameter["operation"]] }}',
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{
			name: 'zohoBillingOAuth2Api',
			required: true,
		},
	],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Event',
					value: 'event',
				},
			],
			default: 'event',
		},
		...event.description,
	],
};
