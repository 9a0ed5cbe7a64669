import type { INodeProperties } from 'n8n-workflow';

import { ALL_EVENT_TYPES, ZOHO_EVENT_TYPES } from '../../lib/zoho/event-types';

/** The options of an "Events" filter: every type in the catalogue, and All Events. */
export const zohoEventTypeOptions = [
	{
		name: 'All Events',
		value: ALL_EVENT_TYPES,
		description: 'Every event, including event types Zoho adds later',
	},
	...ZOHO_EVENT_TYPES.map((eventType) => ({
		name: eventType.displayName,
		value: eventType.name,
		description: eventType.description,
	})),
];

/** Both triggers' "Events" parameter; `description` says what happens to the others. */
export function zohoEventsProperty(description: string): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: zohoEventTypeOptions,
		default: [ALL_EVENT_TYPES],
		description,
	};
}
