import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { normalizeZohoEvent } from '../../../../../lib/zoho/normalize-event';
import type { ApiContext } from '../../../../shared/transport';
import { zohoBillingGetById } from '../../transport';

/** `GET /events/{id}` as Zoho returns it: the payload still a JSON string, with its deliveries. */
export async function getEventRecord(
	this: ApiContext,
	eventId: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	return await zohoBillingGetById.call(
		this,
		{
			collection: '/events',
			key: 'event',
			id: eventId,
			label: 'Event ID',
			expected: 'a Zoho event ID',
			example: '90300000005337',
		},
		itemIndex,
	);
}

/** One event with the payload string parsed and the event normalized. */
export async function fetchEvent(
	this: IExecuteFunctions,
	eventId: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	return normalizeOrFail.call(this, await getEventRecord.call(this, eventId, itemIndex), itemIndex);
}

export function normalizeOrFail(
	this: IExecuteFunctions,
	event: Record<string, unknown>,
	itemIndex: number,
): IDataObject {
	const result = normalizeZohoEvent(event);
	if (!result.ok) {
		throw new NodeOperationError(
			this.getNode(),
			`Event ${String(event.event_id ?? '')}: ${result.message}`,
			{ itemIndex },
		);
	}
	// The n8n-free normalizer types JSON as `unknown`; it only ever holds JSON values.
	return result.event as IDataObject;
}
