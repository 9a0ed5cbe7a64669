import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EVENT_RESOURCE } from '../../../../../../../lib/zoho/resources';
import {
	getEventRecord,
	normalizeOrFail,
} from '../../../../../../../nodes/shared/zoho-billing/events';
import { eachItem } from '../../../../../../../nodes/shared/operations';

export const option = {
	name: 'Get',
	description: EVENT_RESOURCE.get.description,
	action: EVENT_RESOURCE.get.action,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Event ID',
		name: 'eventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: EVENT_RESOURCE.idExample,
		description: 'ID of the event, as in the event_id field of a webhook or of Get Many',
	},
];

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const record = await getEventRecord.call(
		this,
		this.getNodeParameter('eventId', itemIndex),
		itemIndex,
	);
	return [normalizeOrFail.call(this, record, itemIndex)];
}

export const execute = eachItem(run);
