/**
 * The Zoho Billing writes the Zoho Billing node offers: one place for each one's endpoint, method,
 * OAuth scope and whether sending it twice would act twice, and the pure functions that build their
 * bodies from what the user entered.
 *
 * Sources: Zoho's Billing OpenAPI documents as vendored in Letstream/zoho-billing-python-sdk
 * specs/ (customers.yml: `POST /customers`, `PUT /customers/{customer_id}`; subscription.yml:
 * `PUT /subscriptions/{id}`, `POST …/cancel?cancel_at_end=`, `POST …/reactivate`,
 * `POST …/customfields`, `POST …/postpone`; invoices.yml: `POST /invoices/{id}/email`,
 * `POST /invoices/{id}/void`), each with its `security` scope; docs/zoho-billing-api.md, "Writes".
 */
import { calendarDay } from '../dates';
import { InputError } from '../input-error';
import { wholeNumber } from '../whole-number';
import { isPlainObject } from '../json';
import type { LookupResource } from './resources';
import { trimmedText } from '../text';

export interface ZohoAction {
	resource: LookupResource;
	method: 'POST' | 'PUT';
	/** Path under /billing/v1; `id` is the record's ID (unused when creating). */
	path(id: string): string;
	/** The scope Zoho's OpenAPI document names for the call (write scopes are opt-in). */
	scope: string;
	/**
	 * `once`: a second copy acts twice (a second customer, a second email), so it is sent again only
	 * where it surely did not arrive. `repeatable`: a second copy changes nothing more.
	 */
	repeatability: 'once' | 'repeatable';
	/** Where the answer holds the record, when it returns one. */
	key?: string;
}

const id = (value: string) => encodeURIComponent(value);

export const ZOHO_ACTIONS = {
	createCustomer: {
		resource: 'customer',
		method: 'POST',
		path: () => '/customers',
		scope: 'ZohoSubscriptions.customers.CREATE',
		repeatability: 'once',
		key: 'customer',
	},
	updateCustomer: {
		resource: 'customer',
		method: 'PUT',
		path: (customerId: string) => `/customers/${id(customerId)}`,
		scope: 'ZohoSubscriptions.customers.UPDATE',
		repeatability: 'repeatable',
		key: 'customer',
	},
	updateSubscription: {
		resource: 'subscription',
		method: 'PUT',
		path: (subscriptionId: string) => `/subscriptions/${id(subscriptionId)}`,
		scope: 'ZohoSubscriptions.subscriptions.UPDATE',
		// A repeated plan change would not change more; but a change Zoho bills at once could bill again.
		repeatability: 'once',
		key: 'subscription',
	},
	cancelSubscription: {
		resource: 'subscription',
		method: 'POST',
		path: (subscriptionId: string) => `/subscriptions/${id(subscriptionId)}/cancel`,
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		repeatability: 'repeatable',
		key: 'subscription',
	},
	reactivateSubscription: {
		resource: 'subscription',
		method: 'POST',
		path: (subscriptionId: string) => `/subscriptions/${id(subscriptionId)}/reactivate`,
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		repeatability: 'repeatable',
		key: 'subscription',
	},
	updateSubscriptionCustomFields: {
		resource: 'subscription',
		method: 'POST',
		path: (subscriptionId: string) => `/subscriptions/${id(subscriptionId)}/customfields`,
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		repeatability: 'repeatable',
	},
	postponeRenewal: {
		resource: 'subscription',
		method: 'POST',
		path: (subscriptionId: string) => `/subscriptions/${id(subscriptionId)}/postpone`,
		scope: 'ZohoSubscriptions.subscriptions.CREATE',
		repeatability: 'repeatable',
		key: 'subscription',
	},
	emailInvoice: {
		resource: 'invoice',
		method: 'POST',
		path: (invoiceId: string) => `/invoices/${id(invoiceId)}/email`,
		scope: 'ZohoSubscriptions.invoices.CREATE',
		repeatability: 'once',
	},
	voidInvoice: {
		resource: 'invoice',
		method: 'POST',
		path: (invoiceId: string) => `/invoices/${id(invoiceId)}/void`,
		scope: 'ZohoSubscriptions.invoices.CREATE',
		repeatability: 'repeatable',
	},
} as const satisfies Record<string, ZohoAction>;

export type ZohoActionName = keyof typeof ZOHO_ACTIONS;

/** Every write scope the node can need, for the credential's documentation and the README. */
export const ZOHO_WRITE_SCOPES: readonly string[] = [
	...new Set(Object.values(ZOHO_ACTIONS).map((action) => action.scope)),
].sort();

// Deliberately loose: one @, something on each side, a dot in the domain. Zoho checks the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, or an InputError naming the field. */
export function emailAddress(label: string, value: unknown): string {
	const address = trimmedText(value);
	if (!EMAIL.test(address))
		throw new InputError(
			`${label} must be an email address such as name@example.com, got "${address}"`,
		);
	return address;
}

/** A comma-separated list of email addresses (or a list), each checked. */
export function emailAddresses(label: string, value: unknown): string[] {
	const entries = Array.isArray(value) ? value : trimmedText(value).split(/[,;]/);
	return entries
		.map((entry) => trimmedText(entry))
		.filter((entry) => entry !== '')
		.map((entry) => emailAddress(label, entry));
}

/**
 * The customer fields the node sets, by parameter name, and the key Zoho's body gives each. Every one
 * is in Zoho's `create-a-customer-request` (customers.yml). `update` says whether Zoho documents it
 * for updates: `documented` (`update-a-customer-request`), `postman` (only in the update body of
 * Zoho's Subscriptions Postman collection: UNCONFIRMED, Zoho may ignore it) or `no` (in neither
 * document: Zoho may drop it silently, so the node does not offer it for updates).
 */
export const CUSTOMER_FIELDS = [
	{ name: 'displayName', zoho: 'display_name', displayName: 'Display Name', update: 'documented' },
	{ name: 'email', zoho: 'email', displayName: 'Email', update: 'documented' },
	{ name: 'firstName', zoho: 'first_name', displayName: 'First Name', update: 'documented' },
	{ name: 'lastName', zoho: 'last_name', displayName: 'Last Name', update: 'documented' },
	{ name: 'salutation', zoho: 'salutation', displayName: 'Salutation', update: 'documented' },
	{ name: 'companyName', zoho: 'company_name', displayName: 'Company Name', update: 'documented' },
	{ name: 'phone', zoho: 'phone', displayName: 'Phone', update: 'documented' },
	{ name: 'mobile', zoho: 'mobile', displayName: 'Mobile', update: 'documented' },
	{ name: 'website', zoho: 'website', displayName: 'Website', update: 'postman' },
	{ name: 'department', zoho: 'department', displayName: 'Department', update: 'no' },
	{ name: 'designation', zoho: 'designation', displayName: 'Designation', update: 'no' },
	{
		name: 'currencyCode',
		zoho: 'currency_code',
		displayName: 'Currency Code',
		update: 'documented',
	},
	{ name: 'notes', zoho: 'notes', displayName: 'Notes', update: 'postman' },
] as const;

/**
 * The body of Create a customer or Update a customer from the entered fields (by parameter name);
 * empty fields are left out. Creating needs a display name and an email, as Zoho's document states;
 * an update refuses a field no update document lists (a workflow saved before they were taken out of
 * the panel), rather than let Zoho drop it silently.
 */
export function customerBody(
	values: Record<string, unknown>,
	options: { creating: boolean },
): Record<string, string> {
	const body: Record<string, string> = {};
	for (const field of CUSTOMER_FIELDS) {
		const value = trimmedText(values[field.name]);
		if (value === '') continue;
		if (!options.creating && field.update === 'no')
			throw new InputError(
				`${field.displayName} cannot be updated: Zoho Billing's update documents do not list it, so Zoho may drop it silently. Set it in Zoho Billing, or when creating the customer`,
			);
		body[field.zoho] = field.zoho === 'email' ? emailAddress(field.displayName, value) : value;
	}
	if (body.currency_code !== undefined && !/^[A-Za-z]{3}$/.test(body.currency_code))
		throw new InputError(
			`Currency Code must be a three-letter code such as USD, got "${body.currency_code}"`,
		);
	if (options.creating) {
		if (!body.display_name) throw new InputError('Display Name is required to create a customer');
		if (!body.email) throw new InputError('Email is required to create a customer');
	}
	return body;
}

/**
 * Zoho's update document lists `display_name` and `email` as required, like its create document;
 * whether Zoho insists on them when updating is UNCONFIRMED. The node keeps the customer's own (read
 * just before) unless the update changes them, so the body is right either way.
 */
export function customerUpdateBody(
	current: Record<string, unknown>,
	changes: Record<string, unknown>,
): Record<string, unknown> {
	const kept: Record<string, unknown> = {};
	for (const key of ['display_name', 'email']) {
		if (changes[key] === undefined && trimmedText(current[key]) !== '')
			kept[key] = trimmedText(current[key]);
	}
	return { ...kept, ...changes };
}

/** An add-on of a subscription update: its code and quantity. */
export interface AddonChange {
	addonCode: unknown;
	quantity?: unknown;
}

/** A quantity: a whole number of 1 or more, given as a number or as its text. */
function positiveWholeNumber(label: string, value: unknown): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return wholeNumber(Number.isNaN(number) ? value : number, label, 1);
}

function price(label: string, value: unknown): number {
	const number = typeof value === 'number' ? value : Number(trimmedText(value));
	if (trimmedText(value) === '' || !Number.isFinite(number) || number < 0)
		throw new InputError(
			`${label} must be a price of 0 or more, such as 39.5, got "${String(value)}"`,
		);
	return number;
}

/** The subscription changes the node offers; what is not given stays as the subscription has it. */
export interface SubscriptionChanges {
	planCode?: unknown;
	quantity?: unknown;
	/** The plan's price per unit for this subscription (a negotiated price). */
	price?: unknown;
	/** When given, the subscription's add-ons afterwards (an empty list removes them all). */
	addons?: AddonChange[];
	/** Apply at the end of the current term instead of now (Zoho's `end_of_term`). */
	endOfTerm?: boolean;
	referenceId?: unknown;
}

/**
 * What a plan or add-on line of the subscription carries that a `PUT` must send again to keep it:
 * its price per unit (a negotiated price, when it differs from the list price) and its tax.
 * Zoho's subscription.yml documents `price` and `tax_id` on both lines, in the record and in
 * `update-a-subscription-request`.
 */
function keptTerms(line: Record<string, unknown>): { price?: number; tax_id?: string } {
	const kept: { price?: number; tax_id?: string } = {};
	const linePrice = typeof line.price === 'number' ? line.price : Number(trimmedText(line.price));
	if (trimmedText(line.price) !== '' && Number.isFinite(linePrice)) kept.price = linePrice;
	if (trimmedText(line.tax_id) !== '') kept.tax_id = trimmedText(line.tax_id);
	return kept;
}

/**
 * `PUT /subscriptions/{id}` from the subscription as Zoho returned it just before and the changes.
 * Zoho's document does not say what a `PUT` does with what it leaves out, so the body carries
 * everything the user did not change, from the subscription itself: the plan's price and tax, each
 * add-on's quantity, price and tax, the customer, and what Zoho requires when it collects
 * automatically (the card, or the bank account: `account_id`, UNCONFIRMED where the record holds it).
 * A new plan is billed at its own list price (a negotiated price belonged to the old plan) unless a
 * price is given; its tax is kept.
 */
export function subscriptionUpdateBody(
	current: Record<string, unknown>,
	changes: SubscriptionChanges,
): Record<string, unknown> {
	const plan = isPlainObject(current.plan) ? current.plan : {};
	const currentCode = trimmedText(plan.plan_code);
	const planCode = trimmedText(changes.planCode) || currentCode;
	if (planCode === '')
		throw new InputError('Plan Code is required: the subscription Zoho returned has no plan code');
	const quantity =
		changes.quantity === undefined || trimmedText(changes.quantity) === ''
			? plan.quantity === undefined
				? undefined
				: positiveWholeNumber('Quantity', plan.quantity)
			: positiveWholeNumber('Quantity', changes.quantity);
	const { price: currentPrice, tax_id: taxId } = keptTerms(plan);
	const planPrice =
		changes.price !== undefined && trimmedText(changes.price) !== ''
			? price('Plan Price', changes.price)
			: planCode === currentCode
				? currentPrice
				: undefined;
	const currentAddons = (Array.isArray(current.addons) ? current.addons : []).filter(isPlainObject);
	const addons =
		changes.addons === undefined
			? currentAddons.map((addon) => ({
					addon_code: trimmedText(addon.addon_code),
					...(addon.quantity === undefined ? {} : { quantity: addon.quantity }),
					...keptTerms(addon),
				}))
			: changes.addons.map((addon, index) => {
					const code = trimmedText(addon.addonCode);
					if (code === '')
						throw new InputError(`Add-on ${index + 1} needs an Add-on Code, got nothing`);
					const existing = currentAddons.find(
						(candidate) => trimmedText(candidate.addon_code) === code,
					);
					return {
						addon_code: code,
						quantity:
							addon.quantity === undefined || trimmedText(addon.quantity) === ''
								? 1
								: positiveWholeNumber(`Add-on ${code}: Quantity`, addon.quantity),
						...(existing ? keptTerms(existing) : {}),
					};
				});
	const body: Record<string, unknown> = {
		plan: {
			plan_code: planCode,
			...(quantity === undefined ? {} : { quantity }),
			...(planPrice === undefined ? {} : { price: planPrice }),
			...(taxId === undefined ? {} : { tax_id: taxId }),
		},
		addons,
	};
	if (trimmedText(current.customer_id) !== '') body.customer_id = trimmedText(current.customer_id);
	if (current.auto_collect === true) {
		const card = isPlainObject(current.card) ? current.card : {};
		const bank = isPlainObject(current.bank_account) ? current.bank_account : {};
		const accountId = trimmedText(current.account_id) || trimmedText(bank.account_id);
		if (trimmedText(card.card_id) !== '') body.card_id = trimmedText(card.card_id);
		if (accountId !== '') body.account_id = accountId;
	}
	if (changes.endOfTerm !== undefined) body.end_of_term = changes.endOfTerm;
	if (trimmedText(changes.referenceId) !== '') body.reference_id = trimmedText(changes.referenceId);
	return body;
}

/**
 * `POST …/postpone`: `renewal_at`, the new renewal (billing) day, YYYY-MM-DD. Zoho can only postpone a
 * renewal, never bring it forward, and answers an earlier day with its own error.
 */
export function postponeRenewalBody(renewalDate: unknown): { renewal_at: string } {
	const day = calendarDay('Next Billing Date', renewalDate);
	if (!day) throw new InputError('Next Billing Date is required, as a date in YYYY-MM-DD form');
	return { renewal_at: day };
}

/**
 * Zoho's "Get invoice email content": the invoice's own email as its email template writes it
 * (`get-invoice-email-content-response` in Zoho's Billing invoices.yml: `data.subject`, `data.body`,
 * `data.to_contacts[]` with `email` and `selected`). Billing's document gives the answer but lists no
 * path for it; Zoho Books, on the same Finance platform, documents it as `GET /invoices/{id}/email`
 * (UNCONFIRMED for Billing). A read: scope invoices.READ.
 */
export const invoiceEmailContentPath = (invoiceId: string) => `/invoices/${id(invoiceId)}/email`;

/** What the user entered for Email an invoice, checked: recipients split, empty fields empty. */
export interface InvoiceEmailInput {
	to: string[];
	cc: string[];
	subject: string;
	body: string;
}

/** The entered recipients, subject and body; a malformed address fails here, before any call. */
export function invoiceEmailInput(values: {
	to?: unknown;
	cc?: unknown;
	subject?: unknown;
	body?: unknown;
}): InvoiceEmailInput {
	return {
		to: emailAddresses('To', values.to ?? ''),
		cc: emailAddresses('CC', values.cc ?? ''),
		subject: trimmedText(values.subject),
		body: trimmedText(values.body),
	};
}

/** Whether the invoice's own email must be read first: To, Subject or Body is empty. */
export function needsInvoiceEmailContent(input: InvoiceEmailInput): boolean {
	return input.to.length === 0 || input.subject === '' || input.body === '';
}

/** The invoice's own email (see invoiceEmailContentPath): its subject, body and chosen recipients. */
export interface InvoiceEmailContent {
	subject: string;
	body: string;
	to: string[];
}

/**
 * The invoice's email from Zoho's answer. Recipients are the contacts Zoho marks `selected` (all of
 * them when none carries the mark); an address Zoho gives that is no email address fails, named.
 */
export function invoiceEmailContent(response: unknown): InvoiceEmailContent {
	const data = isPlainObject(response) && isPlainObject(response.data) ? response.data : {};
	const contacts = (Array.isArray(data.to_contacts) ? data.to_contacts : []).filter(isPlainObject);
	const marked = contacts.some((contact) => typeof contact.selected === 'boolean');
	const chosen = contacts.filter((contact) => !marked || contact.selected === true);
	return {
		subject: trimmedText(data.subject),
		body: trimmedText(data.body),
		to: emailAddresses(
			"To (from Zoho's email for the invoice)",
			chosen.map((contact) => contact.email),
		),
	};
}

/**
 * `POST /invoices/{id}/email`: Zoho's `email-an-invoice-request` requires `to_mail_ids`, `subject` and
 * `body` (invoices.yml). What the user entered wins; what is empty comes from the invoice's own email.
 */
export function invoiceEmailBody(
	input: InvoiceEmailInput,
	content?: InvoiceEmailContent,
): { to_mail_ids: string[]; cc_mail_ids?: string[]; subject: string; body: string } {
	const to = input.to.length > 0 ? input.to : (content?.to ?? []);
	const subject = input.subject || content?.subject || '';
	const body = input.body || content?.body || '';
	const fromZoho = content ? ", and Zoho's email for this invoice has none" : '';
	if (to.length === 0)
		throw new InputError(
			`To must hold at least one email address${content ? ": Zoho's email for this invoice names no recipient" : ''}`,
		);
	if (subject === '') throw new InputError(`Subject is empty${fromZoho}`);
	if (body === '') throw new InputError(`Body is empty${fromZoho}`);
	return {
		to_mail_ids: to,
		...(input.cc.length > 0 ? { cc_mail_ids: input.cc } : {}),
		subject,
		body,
	};
}
