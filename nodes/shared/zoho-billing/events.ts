import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { normalizeZohoEvent } from '../../../lib/zoho/normalize-event';
import { EVENT_RESOURCE } from '../../../lib/zoho/resources';
import type { ApiContext } from '../transport';
import { zohoBillingGetById } from './client';

/** `GET /events/{id}` as Zoho returns it: the payload still a JSON string, with its deliveries. */
export async function getEventRecord(
	this: ApiContext,
	eventId: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	return await zohoBillingGetById.call(this, EVENT_RESOURCE, eventId, itemIndex);
}

/** An event normalized (lib/zoho/normalize-event.ts), or the reason it cannot be, on its item. */
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
