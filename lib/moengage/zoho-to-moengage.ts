/**
 * The Zoho Billing preset: what a Zoho Billing event (as the Zoho Billing Trigger and Events node
 * output it, see lib/zoho/normalize-event.ts) becomes in MoEngage.
 *
 * User attributes: the ones MoEngage's own Zoho Billing integration syncs (subscription plan name, plan
 * code, status, number; invoice number, total, status, due date, payment date, balance), under stable
 * snake_case keys prefixed `zoho_` so they never collide with other sources, plus a few that billing
 * journeys need (next billing date, last payment result). MoEngage does not document the keys of its
 * own integration, so these are this package's, listed in the README and fixed from release to release.
 * Standard attributes (email, name, first/last name, mobile) come from the Zoho customer.
 *
 * Event: named after the Zoho event type (optionally prefixed), with the facts of that event.
 */
import { InputError } from '../input-error';
import { isPlainObject } from '../json';
import { customFieldsByApiName } from '../zoho/custom-fields';
import { customerMobile } from '../zoho/customer-contact';
import { mostPreciseEventTime } from '../zoho/event-time';
import type { NormalizedZohoEvent } from '../zoho/normalize-event';
import { eventTime, toMoEngageDate } from './validation';
import { optionalText } from '../text';

type JsonObject = Record<string, unknown>;

/** The stable attribute keys, in one place for the README and the tests. */
export const ZOHO_ATTRIBUTE_KEYS = {
	subscriptionPlanName: 'zoho_subscription_plan_name',
	subscriptionPlanCode: 'zoho_subscription_plan_code',
	subscriptionStatus: 'zoho_subscription_status',
	subscriptionNumber: 'zoho_subscription_number',
	subscriptionNextBillingDate: 'zoho_subscription_next_billing_date',
	subscriptionAmount: 'zoho_subscription_amount',
	invoiceNumber: 'zoho_invoice_number',
	invoiceTotal: 'zoho_invoice_total',
	invoiceStatus: 'zoho_invoice_status',
	invoiceDueDate: 'zoho_invoice_due_date',
	invoicePaymentDate: 'zoho_invoice_payment_date',
	invoiceBalance: 'zoho_invoice_balance',
	lastPaymentStatus: 'zoho_last_payment_status',
	lastPaymentAmount: 'zoho_last_payment_amount',
	lastPaymentDate: 'zoho_last_payment_date',
	lastPaymentFailureReason: 'zoho_last_payment_failure_reason',
	currencyCode: 'zoho_currency_code',
	customerId: 'zoho_customer_id',
	lastEventType: 'zoho_last_event_type',
	lastEventTime: 'zoho_last_event_time',
} as const;

const K = ZOHO_ATTRIBUTE_KEYS;

export type ZohoIdentifierSource = 'email' | 'mobile' | 'zohoCustomerId';

function object(value: unknown): JsonObject | undefined {
	return isPlainObject(value) ? value : undefined;
}

function amount(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Zoho leaves dates empty ("expires_at": "") or absent; those are skipped, not errors. */
function date(value: unknown): string | undefined {
	if (optionalText(value) === undefined) return undefined;
	try {
		return toMoEngageDate(value, 'date');
	} catch {
		return undefined;
	}
}

/** `values` without its undefined entries (a plain loop: it runs twice for every synced event). */
function compact(values: JsonObject): JsonObject {
	const kept: JsonObject = {};
	for (const key in values) if (values[key] !== undefined) kept[key] = values[key];
	return kept;
}

/** The invoice a payment event is about (a payment can settle several; the first is reported). */
function paidInvoice(payment: JsonObject | undefined): JsonObject | undefined {
	const invoices = payment?.invoices;
	return Array.isArray(invoices) ? object(invoices[0]) : undefined;
}

const FAILED_PAYMENT = /^(fail|failure|failed|declined|void|voided|refunded)$/i;

/**
 * The date of an invoice's latest successful payment, from its `payments` list: for invoices that
 * carry their payments without `last_payment_date`. Entries without a status are payments Zoho
 * recorded, so they count.
 */
function latestPaymentDate(invoice: JsonObject | undefined): string | undefined {
	const payments = Array.isArray(invoice?.payments) ? invoice.payments.filter(isPlainObject) : [];
	const dates = payments
		.filter((entry) => !FAILED_PAYMENT.test(String(entry.status ?? '')))
		.map((entry) => date(entry.date))
		.filter((value): value is string => value !== undefined);
	return dates.sort().pop();
}

/**
 * The subscription of the item: the event's own, or one a Merge node put at the item's top level (a
 * Zoho Billing lookup merged into the event, as in examples/zoho-billing-enrich-with-subscription.json).
 */
function subscriptionOf(event: NormalizedZohoEvent): JsonObject | undefined {
	const own = object(event.subscription);
	if (own) return own;
	const merged = event as JsonObject;
	return typeof merged.subscription_id === 'string' && isPlainObject(merged.plan)
		? merged
		: undefined;
}

/** The customer's mobile or phone, or the primary contact person's (lib/zoho/customer-contact.ts). */
function mobileOf(event: NormalizedZohoEvent): string | undefined {
	return customerMobile({
		customer: object(event.customer),
		subscription: subscriptionOf(event),
		invoice: object(event.invoice),
	});
}

/**
 * The event's time: `event_time` as normalized (already the most precise), or worked out here for an
 * item normalized before that rule existed (pinned data, an older package version).
 */
function eventTimeOf(event: NormalizedZohoEvent): string | null {
	const payload = object(event.payload);
	return mostPreciseEventTime(event.event_time, event.created_time ?? payload?.created_time);
}

/** MoEngage user attributes for a normalized Zoho Billing event. */
export function toMoEngageAttributes(event: NormalizedZohoEvent): JsonObject {
	const subscription = subscriptionOf(event);
	const invoice = object(event.invoice);
	const payment = object(event.payment);
	const customer = object(event.customer);
	const plan = object(subscription?.plan);
	const settled = paidInvoice(payment);
	const paymentSucceeded = optionalText(payment?.status) === 'success';
	const autotransaction = object(payment?.autotransaction);

	return compact({
		// Standard attributes, in MoEngage's API keys.
		email: optionalText(customer?.email),
		name: optionalText(customer?.display_name),
		first_name: optionalText(customer?.first_name),
		last_name: optionalText(customer?.last_name),
		mobile: mobileOf(event),

		[K.customerId]: optionalText(customer?.customer_id),
		[K.lastEventType]: event.event_type ?? undefined,
		[K.lastEventTime]: date(eventTimeOf(event)),
		[K.currencyCode]:
			optionalText(subscription?.currency_code) ??
			optionalText(invoice?.currency_code) ??
			optionalText(payment?.currency_code),

		[K.subscriptionPlanName]: optionalText(plan?.name),
		[K.subscriptionPlanCode]: optionalText(plan?.plan_code),
		[K.subscriptionStatus]: optionalText(subscription?.status),
		[K.subscriptionNumber]: optionalText(subscription?.subscription_number),
		[K.subscriptionNextBillingDate]: date(subscription?.next_billing_at),
		[K.subscriptionAmount]: amount(subscription?.amount),

		[K.invoiceNumber]:
			optionalText(invoice?.invoice_number) ??
			optionalText(invoice?.number) ??
			optionalText(settled?.invoice_number),
		[K.invoiceTotal]: amount(invoice?.total) ?? amount(settled?.invoice_amount),
		[K.invoiceStatus]: optionalText(invoice?.status),
		[K.invoiceDueDate]: date(invoice?.due_date),
		[K.invoicePaymentDate]:
			date(invoice?.last_payment_date) ??
			latestPaymentDate(invoice) ??
			(paymentSucceeded && settled ? date(payment?.date) : undefined),
		[K.invoiceBalance]: amount(invoice?.balance) ?? amount(settled?.balance_amount),

		[K.lastPaymentStatus]: optionalText(payment?.status),
		[K.lastPaymentAmount]: amount(payment?.amount),
		[K.lastPaymentDate]: date(payment?.date),
		[K.lastPaymentFailureReason]: paymentSucceeded
			? undefined
			: optionalText(autotransaction?.gateway_error_message),
	});
}

/** The prefix of custom-field attributes: `cf_region` of any Zoho record becomes `zoho_cf_region`. */
export const CUSTOM_FIELD_ATTRIBUTE_PREFIX = 'zoho_cf_';

/**
 * The Zoho custom fields of the item's customer, subscription and invoice as MoEngage attributes,
 * keyed `zoho_cf_<name>` (the API name without its `cf_`). Values keep their type (custom-fields.ts);
 * empty ones are left out. Where two records have a field of the same name, the more specific wins:
 * invoice over subscription over customer.
 */
export function toMoEngageCustomFieldAttributes(event: NormalizedZohoEvent): JsonObject {
	const attributes: JsonObject = {};
	for (const record of [object(event.customer), subscriptionOf(event), object(event.invoice)]) {
		for (const [name, value] of Object.entries(
			customFieldsByApiName(record?.custom_fields) ?? {},
		)) {
			if (value === null) continue;
			attributes[`${CUSTOM_FIELD_ATTRIBUTE_PREFIX}${name.replace(/^cf_/, '')}`] = value;
		}
	}
	return attributes;
}

/** Attributes of the MoEngage event that mirrors the Zoho event: what happened, flat. */
function toMoEngageEventAttributes(event: NormalizedZohoEvent): JsonObject {
	const subscription = subscriptionOf(event);
	const invoice = object(event.invoice);
	const payment = object(event.payment);
	const plan = object(subscription?.plan);
	const settled = paidInvoice(payment);
	return compact({
		zoho_event_id: event.event_id ?? undefined,
		resource: event.resource ?? undefined,
		subscription_number: optionalText(subscription?.subscription_number),
		subscription_status: optionalText(subscription?.status),
		plan_code: optionalText(plan?.plan_code),
		plan_name: optionalText(plan?.name),
		next_billing_date: date(subscription?.next_billing_at),
		invoice_number:
			optionalText(invoice?.invoice_number) ??
			optionalText(invoice?.number) ??
			optionalText(settled?.invoice_number),
		invoice_status: optionalText(invoice?.status),
		invoice_total: amount(invoice?.total),
		invoice_balance: amount(invoice?.balance) ?? amount(settled?.balance_amount),
		due_date: date(invoice?.due_date),
		payment_status: optionalText(payment?.status),
		payment_amount: amount(payment?.amount),
		payment_mode: optionalText(payment?.payment_mode),
		failure_reason: optionalText(object(payment?.autotransaction)?.gateway_error_message),
		amount: amount(subscription?.amount),
		currency_code:
			optionalText(subscription?.currency_code) ??
			optionalText(invoice?.currency_code) ??
			optionalText(payment?.currency_code),
	});
}

const IDENTIFIER_LABELS: Record<ZohoIdentifierSource, string> = {
	email: 'customer email',
	mobile: 'mobile or phone number (of the customer or of the primary contact person)',
	zohoCustomerId: 'Zoho customer ID',
};

/** The value that identifies the MoEngage user, taken from the Zoho customer; undefined when it has none. */
export function findZohoIdentifier(
	event: NormalizedZohoEvent,
	source: ZohoIdentifierSource,
): string | undefined {
	const customer = object(event.customer);
	return source === 'email'
		? optionalText(customer?.email)
		: source === 'mobile'
			? mobileOf(event)
			: optionalText(customer?.customer_id);
}

/** Why an event cannot be synced under `source`: it names the event and the missing value. */
export function missingIdentifierMessage(
	event: NormalizedZohoEvent,
	source: ZohoIdentifierSource,
): string {
	return `The Zoho event ${event.event_id ?? '(no event_id)'} has no ${IDENTIFIER_LABELS[source]} to identify the MoEngage user`;
}

/** The value that identifies the MoEngage user, taken from the Zoho customer. */
export function zohoIdentifier(event: NormalizedZohoEvent, source: ZohoIdentifierSource): string {
	const value = findZohoIdentifier(event, source);
	if (!value) {
		throw new InputError(missingIdentifierMessage(event, source));
	}
	return value;
}

/** Checks that an item looks like Zoho Billing Trigger / Events node output. */
export function asNormalizedZohoEvent(json: unknown): NormalizedZohoEvent {
	if (!isPlainObject(json) || typeof json.event_type !== 'string' || !('resource' in json)) {
		throw new InputError(
			'The item is not a Zoho Billing event: connect this node after the Zoho Billing Trigger or the Zoho Billing node (it expects "event_type" and "resource")',
		);
	}
	return json as NormalizedZohoEvent;
}

export interface ZohoMoEngageEvent {
	name: string;
	attributes: JsonObject;
	time: string;
}

/** The MoEngage event for a Zoho event: named after the Zoho type, at the Zoho event's time. */
export function toMoEngageEvent(
	event: NormalizedZohoEvent,
	now: Date,
	namePrefix = '',
): ZohoMoEngageEvent {
	return {
		name: `${namePrefix}${event.event_type ?? ''}`,
		attributes: toMoEngageEventAttributes(event),
		time: eventTime(date(eventTimeOf(event)), now, 'Zoho event_time'),
	};
}
