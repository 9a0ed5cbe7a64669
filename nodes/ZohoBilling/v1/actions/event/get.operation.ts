import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchEvent } from './fetchEvent';

export const description: INodeProperties[] = [
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '90300000005337',
		description: 'ID of the event, as in the event_id field of a webhook or of Get Many',
		displayOptions: { show: { resource: ['event'], operation: ['get'] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const event = await fetchEvent.call(this, this.getNodeParameter('eventId', itemIndex), itemIndex);
	return [{ json: event }];
}
