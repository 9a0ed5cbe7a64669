/**
 * Whether Zoho Billing delivered an event's webhooks. Each event of the Events API carries `webhooks`:
 * one entry per webhook it was sent to, with `status` `success`, `scheduled` (a delivery or retry is
 * pending) or `failure` (Zoho Billing Events API, event object). The list endpoint's documented entries
 * hold no `webhooks`; only an event's own record says.
 */
import { InputError } from '../input-error';
import { isPlainObject } from '../json';

/**
 * One word for an event's deliveries: `failure` when any failed, else `scheduled` when any is still
 * pending, `success` when all succeeded, `none` when the event was sent to no webhook at all.
 */
export type WebhookDelivery = 'success' | 'failure' | 'scheduled' | 'none';

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

/**
 * The Webhook Delivery filter of Get Many events: which summaries each choice keeps. `undelivered` is
 * what a safety net replays: failed, or sent to no webhook.
 */
const DELIVERY_FILTERS: Record<string, (delivery: WebhookDelivery | undefined) => boolean> = {
	any: () => true,
	undelivered: isUndelivered,
	failure: (delivery) => delivery === 'failure',
	scheduled: (delivery) => delivery === 'scheduled',
	success: (delivery) => delivery === 'success',
};

/** The check of a Webhook Delivery choice; a choice it does not know is refused, naming it. */
export function webhookDeliveryFilter(
	choice: unknown,
): (delivery: WebhookDelivery | undefined) => boolean {
	const keep = DELIVERY_FILTERS[String(choice ?? 'any')];
	if (!keep) {
		throw new InputError(
			`Webhook Delivery must be one of ${Object.keys(DELIVERY_FILTERS).join(', ')}, got "${String(choice)}"`,
		);
	}
	return keep;
}
