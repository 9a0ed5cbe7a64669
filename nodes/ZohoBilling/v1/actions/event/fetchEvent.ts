import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { normalizeZohoEvent } from '../../../../../lib/zoho/normalize-event';
import { isPlainObject } from '../../../../../lib/zoho/webhook-body';
import { zohoBillingApiRequest } from '../../transport';

/** Zoho event IDs are long digit strings; anything else would change the request path. */
const EVENT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** `GET /events/{id}`, with the payload string parsed and the event normalized. */
export async function fetchEvent(
	this: IExecuteFunctions,
	rawEventId: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	const eventId = String(rawEventId ?? '').trim();
	if (!EVENT_ID_PATTERN.test(eventId)) {
		throw new NodeOperationError(
			this.getNode(),
			`Event ID must be a Zoho event ID such as 90300000005337, got "${eventId}"`,
			{
				itemIndex,
			},
		);
	}
	const response = await zohoBillingApiRequest.call(
		this,
		{ method: 'GET', path: `/events/${eventId}` },
		itemIndex,
	);
	if (!isPlainObject(response.event)) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: `Zoho Billing returned no event for ID ${eventId}`,
			itemIndex,
		});
	}
	return normalizeOrFail.call(this, response.event, itemIndex);
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
