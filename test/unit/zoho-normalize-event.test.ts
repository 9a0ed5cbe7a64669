import { normalizeZohoEvent } from '../../lib/zoho/normalize-event';
import { asEventsApiRecord, normalizedEvent, zohoEvent } from '../fixtures';

describe('normalizeZohoEvent', () => {
	it('lifts the subscription and its customer to the top level, keeping the original fields', () => {
		const body = zohoEvent('subscriptionCreated');
		const event = normalizedEvent(body);
		expect(event).toMatchObject({
			event_id: '2000000041001',
			event_type: 'subscription_created',
			event_time: '2026-11-02T15:28:59-0400',
			resource: 'subscription',
			subscription: body.data.subscription,
			customer: body.data.subscription.customer,
			data: body.data,
			event_source: 'user',
		});
		expect(event.invoice).toBeUndefined();
	});

	it('derives the customer of an invoice from its inline fields', () => {
		const event = normalizedEvent(zohoEvent('invoiceCreated'));
		expect(event.resource).toBe('invoice');
		expect(event.invoice).toMatchObject({ invoice_number: 'INV-000123', due_date: '2026-11-17' });
		expect(event.customer).toEqual({
			customer_id: '2000000061001',
			display_name: 'Ana Silva',
			email: 'ana.silva@example.com',
		});
	});

	it('classifies payment events and their customer', () => {
		const event = normalizedEvent(zohoEvent('paymentDeclined'));
		expect(event.resource).toBe('payment');
		expect(event.payment).toMatchObject({ status: 'failure', amount: 49.5 });
		expect(event.customer).toMatchObject({ email: 'ana.silva@example.com' });
	});

	it('parses an Events API record whose payload is a JSON string', () => {
		const body = zohoEvent('paymentThankyou');
		const event = normalizedEvent(asEventsApiRecord(body));
		expect(event.payload).toEqual(body);
		expect(event.payment).toEqual(body.data.payment);
		expect(event.webhooks).toHaveLength(1);
		expect(event.resource).toBe('payment');
	});

	it('accepts a payload that is already an object and an empty payload string', () => {
		const body = zohoEvent('invoiceCreated');
		expect(normalizedEvent({ ...asEventsApiRecord(body), payload: body }).invoice).toEqual(
			body.data.invoice,
		);
		const listItem = normalizedEvent({
			event_id: '1',
			event_type: 'card_expiring',
			event_time: '2026-11-01',
			payload: '',
		});
		expect(listItem).toMatchObject({ event_id: '1', resource: 'card', payload: '' });
	});

	it('reports a payload string that is not JSON, or not an object', () => {
		expect(normalizeZohoEvent({ event_id: '1', payload: '{oops' })).toMatchObject({
			ok: false,
			message: expect.stringContaining('The event "payload" is not valid JSON'),
		});
		expect(normalizeZohoEvent({ event_id: '1', payload: '[1]' })).toEqual({
			ok: false,
			message: 'The event "payload" must hold a JSON object',
		});
	});

	it('accepts a module-style body without an envelope (Zoho Finance style)', () => {
		const event = normalizedEvent({ invoice: { invoice_number: 'INV-9', email: 'x@example.com' } });
		expect(event).toMatchObject({
			event_id: null,
			event_type: null,
			resource: 'invoice',
			customer: { email: 'x@example.com' },
		});
	});

	it('classifies an event type the catalogue does not know by its prefix', () => {
		expect(normalizedEvent({ event_type: 'invoice_voided', data: {} }).resource).toBe('invoice');
		expect(normalizedEvent({ event_type: 'mystery_happened', data: {} }).resource).toBeNull();
	});

	it('falls back to created_time and numbers for ids', () => {
		expect(normalizedEvent({ event_id: 42, created_time: '2026-01-01T00:00:00Z' })).toMatchObject({
			event_id: '42',
			event_time: '2026-01-01T00:00:00Z',
		});
	});

	it.each([
		[
			{},
			'This is not a Zoho Billing event: it has no event_id, event_type, or subscription, invoice, payment, creditnote, card or customer object',
		],
		[
			{ hello: 'world', amount: 5 },
			'This is not a Zoho Billing event: it has no event_id, event_type, or subscription, invoice, payment, creditnote, card or customer object',
		],
		[
			{ event_type: '', data: {} },
			'This is not a Zoho Billing event: it has no event_id, event_type, or subscription, invoice, payment, creditnote, card or customer object',
		],
		[{ event_type: 5, data: {} }, '"event_type" must be a string, got a number'],
		[
			{ event_id: { id: 1 }, event_type: 'invoice_created' },
			'"event_id" must be a string or number, got an object',
		],
		[{ event_id: '1', event_time: ['2026'] }, '"event_time" must be a string, got an array'],
		[{ event_id: '1', data: [] }, '"data" must be an object, got an array'],
		[
			{ event_id: '1', data: { subscription: 'sub-1' } },
			'"subscription" must be an object, got a string',
		],
		[{ customer: true }, '"customer" must be an object, got a boolean'],
		[
			{ event_id: '1', payload: '{"event_type": 7}' },
			'"event_type" must be a string, got a number',
		],
	])('refuses %j: it cannot be a Zoho Billing event', (body, message) => {
		expect(normalizeZohoEvent(body)).toEqual({ ok: false, message });
	});

	it('treats null fields as absent and keeps unknown extra fields', () => {
		const event = normalizedEvent({
			event_id: '7',
			event_type: null,
			event_time: null,
			data: null,
			customer: null,
			extra: [1],
		});
		expect(event).toMatchObject({ event_id: '7', event_type: null, resource: null, extra: [1] });
		expect(normalizedEvent({ customer: { email: 'a@example.com' } })).toMatchObject({
			resource: 'customer',
			customer: { email: 'a@example.com' },
		});
	});
});
