/**
 * Many distinct Zoho Billing webhook deliveries for the load and fault suites: the real fixtures
 * (subscription created, invoice created, payment declined in turn), each for its own customer, so
 * every delivery must produce its own MoEngage user and a lost one is visible.
 */
import { zohoEvent } from '../fixtures';

export interface BillingDelivery {
	event: Record<string, unknown>;
	/** The customer's email, which the example workflow uses as MoEngage customer_id. */
	email: string;
	eventId: string;
}

const KINDS = ['subscriptionCreated', 'invoiceCreated', 'paymentDeclined'] as const;

/** Delivery number `index` of a run; `run` keeps runs in one n8n apart. */
export function billingDelivery(index: number, run: string, eventTime?: string): BillingDelivery {
	const kind = KINDS[index % KINDS.length];
	const event = zohoEvent(kind) as unknown as {
		event_id: string;
		event_time: string;
		data: Record<string, Record<string, unknown>>;
	};
	const email = `customer.${run}.${index}@example.com`;
	const customerId = String(9_100_000_000_000 + index);
	event.event_id = `${run}-${index}`;
	if (eventTime) event.event_time = eventTime;
	const resource = Object.values(event.data)[0];
	resource.customer_id = customerId;
	const nested = resource.customer as Record<string, unknown> | undefined;
	if (nested) Object.assign(nested, { email, customer_id: customerId });
	else resource.email = email;
	return { event: event as unknown as Record<string, unknown>, email, eventId: event.event_id };
}
