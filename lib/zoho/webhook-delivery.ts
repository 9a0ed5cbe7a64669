/**
 * Whether Zoho Billing delivered an event's webhooks. Each event of the Events API carries `webhooks`:
 * one entry per webhook it was sent to, with `status` `success`, `scheduled` (a delivery or retry is
 * pending) or `failure` (Zoho Billing Events API, event object). The list endpoint's documented entries
 * hold no `webhooks`; only an event's own record says.
 */
import { isPlainObject } from '../json';

/**
 * One word for an event's deliveries: `failure` when any failed, else `scheduled` when any is still
 * pending, `success` when all succeeded, `none` when the event was sent to no webhook at all.
 */
export type WebhookDelivery = 'success' | 'failure' | 'scheduled' | 'none';

export const WEBHOOK_DELIVERIES: readonly WebhookDelivery[] = [
	'failure',
	'none',
	'scheduled',
	'success',
];

/** The summary of an event record's `webhooks`, or undefined when the record does not carry them. */
export function webhookDeliveryOf(record: Record<string, unknown>): WebhookDelivery | undefined {
	const webhooks = record.webhooks;
	if (!Array.isArray(webhooks)) return undefined;
	const statuses = webhooks
		.filter(isPlainObject)
		.map((webhook) => String(webhook.status ?? '').toLowerCase());
	if (statuses.length === 0) return 'none';
	if (statuses.includes('failure') || statuses.includes('failed')) return 'failure';
	if (statuses.every((status) => status === 'success')) return 'success';
	// `scheduled`, or a status Zoho may add later: not settled, so neither delivered nor failed.
	return 'scheduled';
}

/** Deliveries that did not reach any webhook: what a safety net replays. */
export function isUndelivered(delivery: WebhookDelivery | undefined): boolean {
	return delivery === 'failure' || delivery === 'none';
}
