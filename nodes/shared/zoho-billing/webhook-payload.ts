import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeProperties,
} from 'n8n-workflow';

import { otherReleaseProblem } from '../../../lib/release';
import {
	DEFAULT_EVENT_ID_FIELD,
	DEFAULT_EVENT_TYPE_FIELD,
	type ZohoWebhookPayload,
} from '../../../lib/zoho/custom-payload';
import { InputError } from '../../../lib/input-error';

/**
 * The body kind Zoho was told to send (lib/zoho/custom-payload.ts), and for a custom body where it
 * holds the event type and ID. Shared by the Zoho Billing Trigger and Webhook > Verify.
 */
export function zohoWebhookPayloadProperties(): INodeProperties[] {
	const custom = { displayOptions: { show: { payloadFormat: ['custom'] } } };
	return [
		{
			displayName: 'Payload',
			name: 'payloadFormat',
			type: 'options',
			options: [
				{
					name: 'Default Payload',
					value: 'default',
					description:
						"Zoho's default body: output as a normalized event (event, resource, customer), ready for MoEngage's Sync",
				},
				{
					name: 'Custom JSON',
					value: 'custom',
					description:
						'A "Customized raw JSON payload" you templated in Zoho: checked the same way and passed on as sent',
				},
			],
			default: 'default',
			description: 'The body you chose for this webhook in Zoho Billing',
		},
		{
			displayName: 'Event Type Field',
			name: 'eventTypeField',
			type: 'string',
			default: DEFAULT_EVENT_TYPE_FIELD,
			placeholder: DEFAULT_EVENT_TYPE_FIELD,
			description:
				'Where your JSON holds the event type (such as subscription_created). A dot reaches into an object, as in data.event_type.',
			...custom,
		},
		{
			displayName: 'Event ID Field',
			name: 'eventIdField',
			type: 'string',
			default: DEFAULT_EVENT_ID_FIELD,
			placeholder: DEFAULT_EVENT_ID_FIELD,
			description: 'Where your JSON holds the event ID; output as event_id, for deduplication',
			...custom,
		},
	];
}

/** The payload setting, read with the context's own getter (triggers and nodes read parameters differently). */
export function readZohoWebhookPayload(
	parameter: (name: string, fallback: string) => unknown,
): ZohoWebhookPayload {
	const format = parameter('payloadFormat', 'default');
	if (format === 'default') return { kind: 'default' };
	if (format !== 'custom')
		throw new InputError(`Payload must be "default" or "custom", got ${JSON.stringify(format)}`);
	const field = (name: string, fallback: string) => {
		const value = String(parameter(name, fallback) ?? '').trim();
		return value === '' ? fallback : value;
	};
	return {
		kind: 'custom',
		eventTypeField: field('eventTypeField', DEFAULT_EVENT_TYPE_FIELD),
		eventIdField: field('eventIdField', DEFAULT_EVENT_ID_FIELD),
	};
}

/**
 * The Secret Token of the Zoho Billing Webhook API credential, for the trigger and Webhook > Verify;
 * refused, naming the fix, when n8n handed the node another release's definition (lib/release.ts).
 */
export function zohoWebhookSecret(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): string {
	const otherRelease = otherReleaseProblem(credentials, 'Zoho Billing Webhook API');
	if (otherRelease)
		throw new NodeOperationError(node, otherRelease, itemIndex === undefined ? {} : { itemIndex });
	return String(credentials.secretToken ?? '');
}
