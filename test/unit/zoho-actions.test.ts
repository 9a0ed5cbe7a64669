/**
 * lib/zoho/actions.ts and the custom field writes of lib/zoho/custom-fields.ts: the Zoho Billing
 * writes' endpoints and scopes against Zoho's Billing OpenAPI documents, and their bodies.
 */
import { InputError } from '../../lib/input-error';
import {
	ZOHO_ACTIONS,
	ZOHO_WRITE_SCOPES,
	customerBody,
	customerUpdateBody,
	invoiceEmailBody,
	invoiceEmailContent,
	invoiceEmailInput,
	needsInvoiceEmailContent,
	postponeRenewalBody,
	subscriptionUpdateBody,
} from '../../lib/zoho/actions';
import { checkedCustomFields, customFieldWrites } from '../../lib/zoho/custom-fields';
import { matchesSearch, recordChoice } from '../../lib/zoho/record-search';
import { zohoRecord } from '../fixtures';

describe('the write catalogue', () => {
	// Written out from Zoho's OpenAPI documents (customers.yml, subscription.yml, invoices.yml in
	// Letstream/zoho-billing-python-sdk specs/): each operation's method, path and `security` scope.
	it.each([
		['createCustomer', 'POST', '/customers', 'ZohoSubscriptions.customers.CREATE'],
		['updateCustomer', 'PUT', '/customers/903', 'ZohoSubscriptions.customers.UPDATE'],
		['updateSubscription', 'PUT', '/subscriptions/903', 'ZohoSubscriptions.subscriptions.UPDATE'],
		[
			'cancelSubscription',
			'POST',
			'/subscriptions/903/cancel',
			'ZohoSubscriptions.subscriptions.CREATE',
		],
		[
			'reactivateSubscription',
			'POST',
			'/subscriptions/903/reactivate',
			'ZohoSubscriptions.subscriptions.CREATE',
		],
		[
			'updateSubscriptionCustomFields',
			'POST',
			'/subscriptions/903/customfields',
			'ZohoSubscriptions.subscriptions.CREATE',
		],
		[
			'postponeRenewal',
			'POST',
			'/subscriptions/903/postpone',
			'ZohoSubscriptions.subscriptions.CREATE',
		],
		['emailInvoice', 'POST', '/invoices/903/email', 'ZohoSubscriptions.invoices.CREATE'],
		['voidInvoice', 'POST', '/invoices/903/void', 'ZohoSubscriptions.invoices.CREATE'],
	] as const)('%s is %s %s with %s', (name, method, path, scope) => {
		const action = ZOHO_ACTIONS[name];
		expect([action.method, action.path('903'), action.scope]).toEqual([method, path, scope]);
	});

	it('sends once only the writes a repeat would do twice: a second customer, a second email, a second plan change', () => {
		const once = Object.entries(ZOHO_ACTIONS)
			.filter(([, action]) => action.repeatability === 'once')
			.map(([name]) => name)
			.sort();
		expect(once).toEqual(['createCustomer', 'emailInvoice', 'updateSubscription']);
	});

	it('puts IDs into the path encoded, so an ID can never change the path', () => {
		expect(ZOHO_ACTIONS.voidInvoice.path('90/../x')).toBe('/invoices/90%2F..%2Fx/void');
	});

	it('lists each write scope once', () => {
		expect(ZOHO_WRITE_SCOPES).toEqual([
			'ZohoSubscriptions.customers.CREATE',
			'ZohoSubscriptions.customers.UPDATE',
			'ZohoSubscriptions.invoices.CREATE',
			'ZohoSubscriptions.subscriptions.CREATE',
			'ZohoSubscriptions.subscriptions.UPDATE',
		]);
	});
});

describe('customer bodies', () => {
	it('map the fields to Zoho keys, trimmed, leaving out empty ones', () => {
		expect(
			customerBody(
				{
					displayName: ' Ana ',
					email: 'ana@example.com',
					firstName: '',
					mobile: '+351 91',
					currencyCode: 'eur',
				},
				{ creating: true },
			),
		).toEqual({
			display_name: 'Ana',
			email: 'ana@example.com',
			mobile: '+351 91',
			currency_code: 'eur',
		});
	});

	it.each([
		[{ email: 'ana@example.com' }, 'Display Name is required to create a customer'],
		[{ displayName: 'Ana' }, 'Email is required to create a customer'],
		[
			{ displayName: 'Ana', email: 'ana@' },
			'Email must be an email address such as name@example.com, got "ana@"',
		],
		[
			{ displayName: 'Ana', email: 'a@b.pt', currencyCode: 'EURO' },
			'Currency Code must be a three-letter code such as USD, got "EURO"',
		],
	])('refuse %j: %s', (values, message) => {
		expect(() => customerBody(values, { creating: true })).toThrow(new InputError(message));
	});

	it('for an update refuse a field no update document lists, rather than let Zoho drop it', () => {
		expect(() => customerBody({ department: 'Sales' }, { creating: false })).toThrow(
			new InputError(
				"Department cannot be updated: Zoho Billing's update documents do not list it, so Zoho may drop it silently. Set it in Zoho Billing, or when creating the customer",
			),
		);
		expect(() => customerBody({ designation: 'CFO' }, { creating: false })).toThrow(
			'Designation cannot be updated',
		);
		expect(
			customerBody({ displayName: 'A', email: 'a@x.pt', department: 'Sales' }, { creating: true }),
		).toMatchObject({ department: 'Sales' });
		// Zoho's Postman collection lists these for updates (its OpenAPI document does not).
		expect(customerBody({ website: 'silva.example', notes: 'VIP' }, { creating: false })).toEqual({
			website: 'silva.example',
			notes: 'VIP',
		});
	});

	it('for an update keep the customer’s name and email unless changed', () => {
		const current = zohoRecord('customer');
		expect(customerUpdateBody(current, { mobile: '1' })).toEqual({
			display_name: 'Ana Silva',
			email: 'ana.silva@example.com',
			mobile: '1',
		});
		expect(customerUpdateBody(current, { email: 'new@example.com' })).toEqual({
			display_name: 'Ana Silva',
			email: 'new@example.com',
		});
	});
});

describe('subscription bodies', () => {
	const current = zohoRecord('subscription', {
		plan: { plan_code: 'PRO-M', name: 'Pro Monthly', quantity: 1, price: 39, tax_id: '77' },
		addons: [{ addon_code: 'seat', quantity: 2, name: 'Seat', price: 5, tax_id: '77' }],
		card: { card_id: '777' },
	});

	it('send back what the change leaves: the plan price and tax, the add-ons with theirs, customer and card', () => {
		expect(subscriptionUpdateBody(current, { quantity: '4' })).toEqual({
			plan: { plan_code: 'PRO-M', quantity: 4, price: 39, tax_id: '77' },
			addons: [{ addon_code: 'seat', quantity: 2, price: 5, tax_id: '77' }],
			customer_id: '2000000061001',
			card_id: '777',
		});
	});

	it('send the bank account instead of a card when the subscription collects from one', () => {
		const fromBank = { ...current, card: undefined, bank_account: { account_id: '888' } };
		expect(subscriptionUpdateBody(fromBank, { quantity: 1 })).toMatchObject({ account_id: '888' });
		expect(subscriptionUpdateBody({ ...fromBank, auto_collect: false }, {})).not.toHaveProperty(
			'account_id',
		);
	});

	it('drop a negotiated price on a new plan (its list price applies) unless one is given; keep the tax', () => {
		expect(subscriptionUpdateBody(current, { planCode: 'TEAM-M' }).plan).toEqual({
			plan_code: 'TEAM-M',
			quantity: 1,
			tax_id: '77',
		});
		expect(subscriptionUpdateBody(current, { planCode: 'TEAM-M', price: '49.9' }).plan).toEqual({
			plan_code: 'TEAM-M',
			quantity: 1,
			price: 49.9,
			tax_id: '77',
		});
		expect(subscriptionUpdateBody(current, { planCode: 'PRO-M' }).plan).toMatchObject({
			price: 39,
		});
	});

	it('keep the price and tax of a replaced add-on the subscription already had, not of a new one', () => {
		expect(
			subscriptionUpdateBody(current, {
				addons: [{ addonCode: 'seat', quantity: 3 }, { addonCode: 'support' }],
			}).addons,
		).toEqual([
			{ addon_code: 'seat', quantity: 3, price: 5, tax_id: '77' },
			{ addon_code: 'support', quantity: 1 },
		]);
	});

	it('replace the add-ons when given (none removes them) and pass end of term and reference', () => {
		expect(
			subscriptionUpdateBody(current, {
				planCode: 'TEAM-M',
				addons: [],
				endOfTerm: false,
				referenceId: 'crm-9',
			}),
		).toMatchObject({
			plan: { plan_code: 'TEAM-M', quantity: 1 },
			addons: [],
			end_of_term: false,
			reference_id: 'crm-9',
		});
	});

	it.each([
		[{ quantity: 0 }, 'Quantity must be a whole number of at least 1, got 0'],
		[{ quantity: 1.5 }, 'Quantity must be a whole number of at least 1, got 1.5'],
		[{ quantity: 'two' }, 'Quantity must be a whole number of at least 1, got "two"'],
		[{ price: -1 }, 'Plan Price must be a price of 0 or more, such as 39.5, got "-1"'],
		[{ price: 'cheap' }, 'Plan Price must be a price of 0 or more, such as 39.5, got "cheap"'],
		[{ addons: [{ addonCode: '' }] }, 'Add-on 1 needs an Add-on Code, got nothing'],
		[
			{ addons: [{ addonCode: 'seat', quantity: -1 }] },
			'Add-on seat: Quantity must be a whole number of at least 1, got -1',
		],
	])('refuse %j: %s', (changes, message) => {
		expect(() => subscriptionUpdateBody(current, changes)).toThrow(new InputError(message));
	});

	it('need a plan code when the subscription shows none', () => {
		expect(() => subscriptionUpdateBody({ subscription_id: '1' }, { quantity: 2 })).toThrow(
			'Plan Code is required: the subscription Zoho returned has no plan code',
		);
	});

	it('postpone to a calendar day only', () => {
		expect(postponeRenewalBody('2027-01-15T10:00:00.000+01:00')).toEqual({
			renewal_at: '2027-01-15',
		});
		expect(() => postponeRenewalBody('')).toThrow('Next Billing Date is required');
		expect(() => postponeRenewalBody('2027-02-30')).toThrow('must be a date in YYYY-MM-DD form');
	});
});

describe('invoice email', () => {
	// Zoho's get-invoice-email-content-response (invoices.yml), trimmed to what the node reads.
	const zohoEmail = {
		code: 0,
		message: 'success',
		data: {
			subject: 'Invoice - INV-000123 from Silva Design',
			body: '<br>Dear Ana Silva,<br>…',
			to_contacts: [
				{ email: 'ana.silva@example.com', selected: true },
				{ email: 'accounts@silva.example', selected: false },
			],
		},
	};

	it('checks the entered recipients before anything is read or sent', () => {
		expect(invoiceEmailInput({ to: 'a@x.pt; b@x.pt', cc: '', subject: ' Hi ', body: '' })).toEqual({
			to: ['a@x.pt', 'b@x.pt'],
			cc: [],
			subject: 'Hi',
			body: '',
		});
		expect(() => invoiceEmailInput({ to: 'a@x.pt', cc: 'boss' })).toThrow(
			'CC must be an email address such as name@example.com, got "boss"',
		);
	});

	it("reads the invoice's own email only when To, Subject or Body is empty", () => {
		const full = invoiceEmailInput({ to: 'a@x.pt', subject: 'S', body: 'B' });
		expect(needsInvoiceEmailContent(full)).toBe(false);
		for (const empty of ['to', 'subject', 'body'])
			expect(needsInvoiceEmailContent({ ...full, [empty]: empty === 'to' ? [] : '' })).toBe(true);
	});

	it('always sends a subject and a body: what was entered, else the invoice’s own', () => {
		const content = invoiceEmailContent(zohoEmail);
		expect(content).toEqual({
			subject: 'Invoice - INV-000123 from Silva Design',
			body: '<br>Dear Ana Silva,<br>…',
			to: ['ana.silva@example.com'],
		});
		expect(invoiceEmailBody(invoiceEmailInput({ subject: 'Reminder' }), content)).toEqual({
			to_mail_ids: ['ana.silva@example.com'],
			subject: 'Reminder',
			body: '<br>Dear Ana Silva,<br>…',
		});
		expect(
			invoiceEmailBody(invoiceEmailInput({ to: 'b@x.pt', cc: 'c@x.pt', subject: 'S', body: 'B' })),
		).toEqual({ to_mail_ids: ['b@x.pt'], cc_mail_ids: ['c@x.pt'], subject: 'S', body: 'B' });
	});

	it('takes every contact when Zoho marks none as selected', () => {
		expect(
			invoiceEmailContent({ data: { to_contacts: [{ email: 'a@x.pt' }, { email: 'b@x.pt' }] } }).to,
		).toEqual(['a@x.pt', 'b@x.pt']);
	});

	it('refuses to send without recipients, subject or body, naming the field', () => {
		expect(() => invoiceEmailBody(invoiceEmailInput({ to: ' , ' }))).toThrow(
			new InputError('To must hold at least one email address'),
		);
		const empty = invoiceEmailContent({ data: { to_contacts: [] } });
		expect(() => invoiceEmailBody(invoiceEmailInput({}), empty)).toThrow(
			new InputError(
				"To must hold at least one email address: Zoho's email for this invoice names no recipient",
			),
		);
		expect(() => invoiceEmailBody(invoiceEmailInput({ to: 'a@x.pt', body: 'B' }), empty)).toThrow(
			new InputError("Subject is empty, and Zoho's email for this invoice has none"),
		);
		expect(() =>
			invoiceEmailBody(invoiceEmailInput({ to: 'a@x.pt', subject: 'S' }), empty),
		).toThrow(new InputError("Body is empty, and Zoho's email for this invoice has none"));
	});
});

describe('custom field writes', () => {
	const fields = zohoRecord('subscription').custom_fields;

	it('name a field the record shows by its label, with its index (never by api_name, which no document lists)', () => {
		expect(
			customFieldWrites(
				fields,
				{ cf_sales_channel: 'Direct', cf_discount_percent: 5 },
				'subscription',
			),
		).toEqual([
			{ label: 'Sales Channel', index: 1, value: 'Direct' },
			// No api_name in the record: its key is cf_ plus the label, as Get outputs it.
			{ label: 'Discount Percent', index: 2, value: 5 },
		]);
		expect(
			customFieldWrites(zohoRecord('customer').custom_fields, { cf_seats: 15 }, 'customer'),
		).toEqual([{ label: 'Seats', customfield_id: '2000000100002', index: 2, value: 15 }]);
	});

	it('find a field by its label too, in any case, and join a list with commas', () => {
		expect(customFieldWrites(fields, { modules: ['Reports', 'Billing'] }, 'subscription')).toEqual([
			{ label: 'Modules', index: 3, value: 'Reports,Billing' },
		]);
	});

	it('send a label the record does not show as it is: Zoho refuses one it does not know', () => {
		expect(customFieldWrites([], { Region: 'EU', Tier: null }, 'customer')).toEqual([
			{ label: 'Region', value: 'EU' },
			{ label: 'Tier', value: '' },
		]);
	});

	it('refuse an API name they cannot turn into a label, before any write, naming the field', () => {
		expect(() => customFieldWrites(undefined, { cf_tier: 'gold' }, 'customer')).toThrow(
			new InputError(
				"Custom field cf_tier: Zoho Billing takes custom fields by their label when writing, and a new customer has no fields to look this API name up in. Enter the field's label, as Zoho Billing shows it (Settings > Preferences > Custom Fields)",
			),
		);
		expect(() => customFieldWrites(fields, { cf_tier: 'gold' }, 'subscription')).toThrow(
			'and the subscription Zoho returned shows no field with this API name',
		);
	});

	it('refuse nothing to write, an empty name and an object value', () => {
		expect(() => checkedCustomFields({})).toThrow('Custom Fields must name at least one field');
		expect(() => checkedCustomFields({ ' ': 1 })).toThrow('A custom field name must not be empty');
		expect(() => customFieldWrites(fields, { Tier: { a: 1 } }, 'subscription')).toThrow(
			'Custom field Tier must be text, a number, a boolean or a list, got an object',
		);
	});
});

describe('From List choices', () => {
	it('read as number, customer and status, and match every typed word in any case', () => {
		const choice = recordChoice('invoice', zohoRecord('invoice'));
		expect(choice).toEqual({
			name: 'INV-000123 · Ana Silva · paid',
			value: '2000000091001',
			searchText: 'inv-000123 · ana silva · paid 2000000091001',
		});
		expect(matchesSearch(choice!, 'ana PAID')).toBe(true);
		expect(matchesSearch(choice!, '2000000091001')).toBe(true);
		expect(matchesSearch(choice!, 'ana rui')).toBe(false);
		expect(matchesSearch(choice!, '  ')).toBe(true);
	});

	it('leave out a record without its identifier', () => {
		expect(recordChoice('customer', { display_name: 'No ID' })).toBeUndefined();
		expect(recordChoice('plan', { plan_code: 'P1' })).toEqual({
			name: 'P1',
			value: 'P1',
			searchText: 'p1 p1',
		});
	});
});
