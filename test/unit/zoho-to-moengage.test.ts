import {
	ZOHO_ATTRIBUTE_KEYS,
	asNormalizedZohoEvent,
	toMoEngageAttributes,
	toMoEngageCustomFieldAttributes,
	toMoEngageEvent,
	zohoIdentifier,
} from '../../lib/moengage/zoho-to-moengage';
import { type NormalizedZohoEvent } from '../../lib/zoho/normalize-event';
import { buildCustomerElement } from '../../lib/moengage/elements';
import {
	asEventsApiRecord,
	enrichedInvoiceEvent,
	normalizedEvent,
	zohoEvent,
	zohoRecord,
} from '../fixtures';
import { expectedEventAttributes, expectedUserUpdates } from '../fixtures/expected-moengage';

const NOW = new Date('2026-12-05T00:00:00Z');

describe('toMoEngageAttributes (Zoho Billing preset)', () => {
	it("maps a subscription event to the subscription attributes MoEngage's integration names", () => {
		expect(toMoEngageAttributes(normalizedEvent('subscriptionCreated'))).toEqual(
			expectedUserUpdates.subscriptionCreated.attributes,
		);
	});

	it('maps an invoice event to the invoice attributes', () => {
		expect(toMoEngageAttributes(normalizedEvent('invoiceCreated'))).toEqual(
			expectedUserUpdates.invoiceCreated.attributes,
		);
	});

	it('maps a successful payment to the paid invoice and the payment result', () => {
		expect(toMoEngageAttributes(normalizedEvent('paymentThankyou'))).toEqual({
			email: 'ana.silva@example.com',
			name: 'Ana Silva',
			zoho_customer_id: '2000000061001',
			zoho_last_event_type: 'payment_thankyou',
			zoho_last_event_time: '2026-11-03T13:12:44Z',
			zoho_currency_code: 'USD',
			zoho_invoice_number: 'INV-000123',
			zoho_invoice_total: 49.5,
			zoho_invoice_payment_date: '2026-11-03',
			zoho_invoice_balance: 0,
			zoho_last_payment_status: 'success',
			zoho_last_payment_amount: 49.5,
			zoho_last_payment_date: '2026-11-03',
		});
	});

	it('maps a declined payment with its reason and no payment date for the invoice', () => {
		const attributes = toMoEngageAttributes(normalizedEvent('paymentDeclined'));
		expect(attributes).toMatchObject({
			zoho_invoice_number: 'INV-000124',
			zoho_invoice_balance: 49.5,
			zoho_last_payment_status: 'failure',
			zoho_last_payment_failure_reason: 'Your card has insufficient funds.',
		});
		expect(attributes).not.toHaveProperty(ZOHO_ATTRIBUTE_KEYS.invoicePaymentDate);
	});

	it("reads an invoice's last_payment_date, and the Events API shape the same as the webhook", () => {
		const body = zohoEvent('invoiceCreated');
		Object.assign(body.data.invoice, {
			status: 'paid',
			balance: 0,
			last_payment_date: '2026-11-04',
		});
		expect(toMoEngageAttributes(normalizedEvent(asEventsApiRecord(body)))).toMatchObject({
			zoho_invoice_status: 'paid',
			zoho_invoice_payment_date: '2026-11-04',
			zoho_invoice_balance: 0,
		});
	});

	it('maps card and credit note events to the customer and the event facts only', () => {
		const common = {
			email: 'ana.silva@example.com',
			name: 'Ana Silva',
			zoho_customer_id: '2000000061001',
		};
		expect(toMoEngageAttributes(normalizedEvent('cardExpiring'))).toEqual({
			...common,
			zoho_last_event_type: 'card_expiring',
			zoho_last_event_time: '2026-11-10T11:00:00Z',
		});
		expect(toMoEngageAttributes(normalizedEvent('creditnoteAdded'))).toEqual({
			...common,
			zoho_last_event_type: 'creditnote_added',
			zoho_last_event_time: '2026-11-12T16:30:00Z',
		});
		expect(toMoEngageEvent(normalizedEvent('cardExpiring'), NOW)).toEqual({
			name: 'card_expiring',
			time: '2026-11-10T11:00:00Z',
			attributes: { zoho_event_id: '2000000041005', resource: 'card' },
		});
	});
});

describe('toMoEngageEvent', () => {
	it("names the event after the Zoho type, at the Zoho time, with the event's facts", () => {
		expect(toMoEngageEvent(normalizedEvent('paymentDeclined'), NOW, 'zoho_')).toEqual({
			name: 'zoho_payment_declined',
			time: '2026-11-20T08:00:10Z',
			attributes: expectedEventAttributes.paymentDeclined,
		});
		expect(toMoEngageEvent(normalizedEvent('subscriptionCreated'), NOW).attributes).toMatchObject({
			plan_code: 'PRO-M',
			subscription_status: 'live',
		});
	});
});

describe('zohoIdentifier', () => {
	it('takes email, mobile (or phone) or the Zoho customer ID, and names what is missing', () => {
		const event = normalizedEvent('subscriptionCreated');
		expect(zohoIdentifier(event, 'email')).toBe('ana.silva@example.com');
		expect(zohoIdentifier(event, 'mobile')).toBe('+351912345678');
		expect(zohoIdentifier(event, 'zohoCustomerId')).toBe('2000000061001');
		expect(() => zohoIdentifier(normalizedEvent('invoiceCreated'), 'mobile')).toThrow(
			'The Zoho event 2000000041002 has no mobile or phone number (of the customer or of the primary contact person) to identify the MoEngage user',
		);
	});

	it('refuses items that are not Zoho Billing events', () => {
		expect(() => asNormalizedZohoEvent({ hello: 'world' })).toThrow(
			'The item is not a Zoho Billing event',
		);
	});
});

describe('Zoho custom fields and invoice payments in the preset', () => {
	it('sends the custom fields of customer, subscription and invoice under zoho_cf_, typed', () => {
		expect(toMoEngageCustomFieldAttributes(enrichedInvoiceEvent())).toEqual({
			zoho_cf_industry: 'Design',
			zoho_cf_seats: 12,
			zoho_cf_onboarded_on: '2026-01-20',
			zoho_cf_newsletter: true,
			zoho_cf_sales_channel: 'Partner',
			zoho_cf_discount_percent: 12.5,
			zoho_cf_modules: ['Reports', 'Exports'],
			zoho_cf_po_number: 'PO-2026-0042',
		});
	});

	it("prefers the invoice's field over the subscription's over the customer's of the same name", () => {
		const event = enrichedInvoiceEvent();
		const field = (value: string) => [{ api_name: 'cf_region', data_type: 'string', value }];
		(event.customer as Record<string, unknown>).custom_fields = field('from customer');
		(event.subscription as Record<string, unknown>).custom_fields = field('from subscription');
		expect(toMoEngageCustomFieldAttributes(event).zoho_cf_region).toBe('from subscription');
		(event.invoice as Record<string, unknown>).custom_fields = field('from invoice');
		expect(toMoEngageCustomFieldAttributes(event).zoho_cf_region).toBe('from invoice');
	});

	it('uses a subscription a Merge node put at the top level of the item', () => {
		const invoiceEvent = normalizedEvent('invoiceCreated');
		const merged = {
			...zohoRecord('subscription'),
			...invoiceEvent,
		} as unknown as NormalizedZohoEvent;
		expect(toMoEngageAttributes(merged)).toMatchObject({
			zoho_subscription_plan_code: 'PRO-M',
			zoho_subscription_status: 'live',
			zoho_invoice_number: 'INV-000123',
		});
		expect(toMoEngageCustomFieldAttributes(merged)).toMatchObject({
			zoho_cf_sales_channel: 'Partner',
		});
	});

	it('takes the invoice payment date from payments[] when there is no last_payment_date: the latest successful one', () => {
		expect(toMoEngageAttributes(enrichedInvoiceEvent()).zoho_invoice_payment_date).toBe(
			'2026-11-05',
		);
		const event = enrichedInvoiceEvent();
		const invoice = event.invoice as { payments: Array<Record<string, unknown>> };
		invoice.payments = invoice.payments.slice(0, 2); // the failed one and the one without a status
		expect(toMoEngageAttributes(event).zoho_invoice_payment_date).toBe('2026-11-04');
		invoice.payments = invoice.payments.slice(0, 1); // only the failed one
		expect(toMoEngageAttributes(event)).not.toHaveProperty('zoho_invoice_payment_date');
	});

	it('refuses a custom field MoEngage would not keep, naming it', () => {
		const event = enrichedInvoiceEvent();
		(event.invoice as Record<string, unknown>).custom_fields = [
			{ api_name: 'cf_notes', value: 'x'.repeat(600) },
		];
		expect(() =>
			buildCustomerElement({
				identity: { customerId: 'ana.silva@example.com' },
				customAttributes: toMoEngageCustomFieldAttributes(event),
				customAttributesLabel: 'Zoho custom fields',
			}),
		).toThrow(
			'Zoho custom fields: value of "zoho_cf_notes" is 600 characters long; MoEngage keeps at most 512',
		);
	});
});
