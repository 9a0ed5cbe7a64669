// @ts-check
/**
 * A Zoho Billing stand-in that follows the documented API (https://www.zoho.com/billing/api/v1/):
 * - `Authorization: Zoho-oauthtoken <token>` or `Bearer <token>`: Zoho Accounts documents both
 *   (zoho.com/accounts/protocol/oauth/use-access-token.html); n8n's OAuth2 path sends `Bearer`
 *   (docs/zoho-billing-api.md, "Every call"). A stale token gets 401 with code 57.
 * - Every call but `GET /organizations` needs `X-com-zoho-subscriptions-organizationid`.
 * - JSON bodies `{ code, message, ... }`, code 0 on success; `page_context.has_more_page` paging;
 *   `filter_by` as `EventType.<type>` or `EventTime.CustomDate` with `event_start_date`/`event_end_date`.
 * - `POST /oauth/v2/token` (the accounts server) refreshes tokens and returns `api_domain`.
 * - The writes the Zoho Billing node makes (routeWrite), each with the scope its method needs.
 * Test-only (see http-stand-in.js for why this is JavaScript).
 */
const { signZohoWebhook } = require('../zoho-webhook-signer');
const { HttpStandIn } = require('./http-stand-in');

const ZOHO_ORG_ID = '10234695';
const ZOHO_CLIENT_ID = '1000.EXAMPLECLIENT';
const ZOHO_CLIENT_SECRET = 'example-zoho-client-secret';
const ZOHO_REFRESH_TOKEN = '1000.example.refresh.token';
const ZOHO_ACCESS_TOKEN_PREFIX = '1000.example.access.';

/**
 * The `filter_by=EventType.<type>` values Zoho documents for the events list (its Subscriptions
 * Postman collection, "List of events"). Zoho's answer to any other type is undocumented; the
 * stand-in gives the documented answer to a malformed parameter (Zoho Billing "Errors": 400), so a
 * node that relies on an undocumented filter fails here as it may against Zoho.
 */
const LIST_FILTER_EVENT_TYPES = new Set(
	require('../../fixtures/zoho/documented/list-filter-event-types.json').filterByEventType,
);

/**
 * The record statuses each documented `filter_by` value lists (Zoho's Billing OpenAPI documents,
 * vendored in Letstream/zoho-billing-python-sdk specs/: customers.yml, subscription.yml,
 * invoices.yml; plans from Zoho's Subscriptions Postman collection). An invoice's `status` is one of
 * paid, sent, overdue, partially_paid, void (or draft); `Status.Unpaid` is a filter over several.
 * @type {Record<string, Record<string, string[]>>}
 */
const STATUS_FILTERS = {
	customers: { 'Status.Active': ['active'], 'Status.Inactive': ['inactive'] },
	subscriptions: {
		'SubscriptionStatus.LIVE': ['live'],
		'SubscriptionStatus.FUTURE': ['future'],
		'SubscriptionStatus.TRIAL': ['trial'],
		'SubscriptionStatus.PAST_DUE': ['dunning'],
		'SubscriptionStatus.UNPAID': ['unpaid'],
		'SubscriptionStatus.NON_RENEWING': ['non_renewing'],
		'SubscriptionStatus.CANCELLED_FROM_DUNNING': ['cancelled_from_dunning'],
		'SubscriptionStatus.CANCELLED': ['cancelled'],
		'SubscriptionStatus.EXPIRED': ['expired'],
		'SubscriptionStatus.TRIAL_EXPIRED': ['trial_expired'],
	},
	invoices: {
		'Status.Sent': ['sent'],
		'Status.Draft': ['draft'],
		'Status.OverDue': ['overdue'],
		'Status.Paid': ['paid'],
		'Status.PartiallyPaid': ['partially_paid'],
		'Status.Void': ['void'],
		'Status.Unpaid': ['sent', 'overdue', 'partially_paid'],
	},
	plans: { 'PlanStatus.ACTIVE': ['active'], 'PlanStatus.INACTIVE': ['inactive'] },
};

/**
 * @typedef {{ event_id: string, event_type: string, event_time: string, payload: string, webhooks?: unknown[] }} ZohoApiEvent
 * @typedef {import('./http-stand-in').RecordedRequest} RecordedRequest
 * @typedef {import('./http-stand-in').Reply} Reply
 */

class ZohoBillingStandIn extends HttpStandIn {
	constructor() {
		super((request) => this.route(request));
		/** @type {ZohoApiEvent[]} */
		this.events = [];
		/** @type {ZohoApiEvent[] | undefined} */
		this.indexed = undefined;
		this.indexedLength = 0;
		/** @type {Map<string, ZohoApiEvent>} */
		this.index = new Map();
		this.tokenSerial = 1;
		this.accessToken = `${ZOHO_ACCESS_TOKEN_PREFIX}1`;
		/** Whether the refresh token still works (false: revoked, or the user's password changed). */
		this.refreshTokenValid = true;
		/**
		 * Zoho issues about 10 access tokens per 10 minutes per refresh token, then answers "Access
		 * Denied" (Zoho Accounts' token limits, as reported in Weble/ZohoBooksApi issue 84).
		 */
		this.tokensPerTenMinutes = 10;
		/** When each access token was issued, for that limit. @type {number[]} */
		this.tokensIssuedAt = [];
		/**
		 * Expire the access token once this many calls under `pathPrefix` were answered: the hour of a
		 * token ending in the middle of a run. @type {{ pathPrefix: string, calls: number } | undefined}
		 */
		this.expireAfter = undefined;
		/** Records of the other modules, newest first as Zoho lists them. @type {Record<string, Array<Record<string, any>>>} */
		this.records = { customers: [], subscriptions: [], invoices: [], plans: [] };
		/**
		 * The organization (Zoho Billing "Organizations"). Zoho writes event times in the organization's
		 * zone, so a test that writes them in another zone sets it here; most write UTC (`…Z`).
		 */
		this.organization = { organization_id: ZOHO_ORG_ID, name: 'Silva Design', time_zone: 'UTC' };
		/**
		 * Zoho's answer to an organization ID the account does not have: undocumented, so tests set
		 * each plausible form (a 4xx, or 200 with a non-zero code).
		 * @type {Reply}
		 */
		this.unknownOrganizationReply = {
			status: 400,
			body: { code: 2, message: 'Invalid value passed for organization_id' },
		};
		/**
		 * The scopes the current token was granted; a call to a module outside them is refused as Zoho
		 * refuses it (401, code 57). All by default.
		 * @type {Set<string> | undefined}
		 */
		this.grantedScopes = undefined;
		/**
		 * The organization's add-ons' list prices by add-on code (Zoho's addons.yml), what an add-on
		 * line of a subscription update without its own price is billed at.
		 * @type {Record<string, number>}
		 */
		this.addonListPrices = {};
		/** Every write Zoho accepted. @type {Array<{ method: string, path: string, body: any, query?: any }>} */
		this.writes = [];
		/** Every invoice email Zoho sent. @type {any[]} */
		this.sentEmails = [];
		/**
		 * The organization's custom fields per module, as Zoho's Finance apps describe them.
		 * @type {Record<string, Array<{ customfield_id: string, label: string, api_name: string, data_type: string, index: number }>>}
		 */
		this.customFieldDefinitions = { customers: [], subscriptions: [], invoices: [] };
	}

	/** Make the current access token stale, as when an hour has passed. */
	expireAccessToken() {
		this.tokenSerial++;
		this.accessToken = `${ZOHO_ACCESS_TOKEN_PREFIX}${this.tokenSerial}`;
	}

	/** @param {RecordedRequest} request @returns {Reply} */
	route(request) {
		if (request.path === '/oauth/v2/token') return this.token(request);
		if (this.expireAfter && request.path.startsWith(this.expireAfter.pathPrefix)) {
			if (this.expireAfter.calls-- <= 0) {
				this.expireAfter = undefined;
				this.expireAccessToken();
			}
		}
		if (!request.path.startsWith('/billing/v1/'))
			return { status: 404, body: { code: 5, message: 'Invalid URL Passed' } };

		const auth = request.headers.authorization ?? '';
		const presented = auth.replace(/^(Zoho-oauthtoken|Bearer)\s+/i, '');
		if (presented === auth || presented !== this.accessToken) {
			return {
				status: 401,
				body: { code: 57, message: 'You are not authorized to perform this operation' },
			};
		}
		const path = request.path.slice('/billing/v1'.length);
		if (request.method === 'GET' && path === '/organizations') {
			return {
				status: 200,
				body: { code: 0, message: 'success', organizations: [this.organization] },
			};
		}
		// Zoho Billing "Organizations": Get an organization (scope ZohoSubscriptions.settings.READ).
		const organizationMatch = /^\/organizations\/([^/]+)$/.exec(path);
		if (request.method === 'GET' && organizationMatch) {
			if (this.grantedScopes && !this.grantedScopes.has('ZohoSubscriptions.settings.READ'))
				return {
					status: 401,
					body: { code: 57, message: 'You are not authorized to perform this operation' },
				};
			if (decodeURIComponent(organizationMatch[1]) !== this.organization.organization_id)
				return this.unknownOrganizationReply;
			return {
				status: 200,
				body: { code: 0, message: 'success', organization: this.organization },
			};
		}
		if (request.headers['x-com-zoho-subscriptions-organizationid'] !== ZOHO_ORG_ID) {
			return {
				status: 400,
				body: {
					code: 2,
					message: 'Invalid value passed for X-com-zoho-subscriptions-organizationid',
				},
			};
		}
		const module = /^\/(\w+)/.exec(path)?.[1] ?? '';
		// Each module's scope by method, as Zoho's Billing OpenAPI documents name them: GET READ, POST
		// CREATE (creating, and actions such as cancel, void, email, customfields), PUT UPDATE.
		const access = { GET: 'READ', POST: 'CREATE', PUT: 'UPDATE', DELETE: 'DELETE' }[request.method];
		const scope =
			module === 'events'
				? 'ZohoSubscriptions.webhooks.READ'
				: `ZohoSubscriptions.${module}.${access}`;
		if (this.grantedScopes && !this.grantedScopes.has(scope)) {
			return {
				status: 401,
				body: { code: 57, message: 'You are not authorized to perform this operation' },
			};
		}
		if (module in this.records) return this.routeRecords(request, module, path);
		if (request.method === 'GET' && path === '/events') return this.listEvents(request);
		const match = /^\/events\/([^/]+)$/.exec(path);
		if (request.method === 'GET' && match) {
			const event = this.eventById(match[1]);
			if (!event) return { status: 404, body: { code: 1002, message: 'Event does not exist.' } };
			return { status: 200, body: { code: 0, message: 'success', event } };
		}
		return { status: 404, body: { code: 5, message: 'Invalid URL Passed' } };
	}

	/**
	 * Customers, subscriptions, invoices and plans: `GET /<module>` (paged; `filter_by` as Zoho names
	 * the statuses, `customer_id`, `search_text` over names and email) and `GET /<module>/<id>` (plans
	 * by `plan_code`).
	 * @param {RecordedRequest} request @param {string} module @param {string} path @returns {Reply}
	 */
	routeRecords(request, module, path) {
		const singular = module.slice(0, -1);
		const idField = module === 'plans' ? 'plan_code' : `${singular}_id`;
		const records = this.records[module];
		const byId = new RegExp(`^/${module}/([^/]+)$`).exec(path);
		if (request.method === 'GET' && byId) {
			const record = records.find(
				(candidate) => String(candidate[idField]) === decodeURIComponent(byId[1]),
			);
			if (!record)
				return {
					status: 404,
					body: {
						code: 1002,
						message: `${singular[0].toUpperCase()}${singular.slice(1)} does not exist.`,
					},
				};
			return { status: 200, body: { code: 0, message: 'success', [singular]: record } };
		}
		if (request.method !== 'GET') return this.routeWrite(request, module, path);
		const emailOf = /^\/invoices\/([^/]+)\/email$/.exec(path);
		if (module === 'invoices' && emailOf) return this.invoiceEmailContent(emailOf[1]);
		if (path !== `/${module}`)
			return { status: 404, body: { code: 5, message: 'Invalid URL Passed' } };
		const page = Number(request.query.page ?? 1);
		const perPage = Number(request.query.per_page ?? 200);
		if (
			!Number.isInteger(page) ||
			page < 1 ||
			!Number.isInteger(perPage) ||
			perPage < 1 ||
			perPage > 200
		) {
			return {
				status: 400,
				body: { code: 2, message: 'Invalid value passed for page or per_page' },
			};
		}
		let listed = records;
		const filterBy = request.query.filter_by;
		if (filterBy && !/\.All$/i.test(filterBy)) {
			const statuses = STATUS_FILTERS[module]?.[filterBy];
			if (!statuses)
				return { status: 400, body: { code: 2, message: 'Invalid value passed for filter_by' } };
			listed = listed.filter((record) => statuses.includes(record.status));
		}
		if (request.query.customer_id)
			listed = listed.filter((record) => record.customer_id === request.query.customer_id);
		const search = (request.query.search_text ?? '').toLowerCase();
		if (search) {
			listed = listed.filter((record) =>
				['display_name', 'first_name', 'last_name', 'company_name', 'email', 'name'].some((field) =>
					String(record[field] ?? '')
						.toLowerCase()
						.includes(search),
				),
			);
		}
		return {
			status: 200,
			body: {
				code: 0,
				message: 'success',
				[module]: listed.slice((page - 1) * perPage, page * perPage),
				page_context: { page, per_page: perPage, has_more_page: page * perPage < listed.length },
			},
		};
	}

	/**
	 * The writes the node makes, as Zoho's Billing OpenAPI documents them (customers.yml,
	 * subscription.yml, invoices.yml in Letstream/zoho-billing-python-sdk specs/): their paths, the
	 * fields they require, the statuses they allow and the messages they answer with. Every write is
	 * kept in `writes` for tests; Zoho's custom field definitions are `customFieldDefinitions`.
	 * @param {RecordedRequest} request @param {string} module @param {string} path @returns {Reply}
	 */
	routeWrite(request, module, path) {
		const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
		const invalid = (/** @type {string} */ field) => ({
			status: 400,
			body: { code: 2, message: `Invalid value passed for ${field}` },
		});
		if (request.method === 'POST' && module === 'customers' && path === '/customers') {
			// create-a-customer-request: display_name and email required.
			for (const field of ['display_name', 'email'])
				if (typeof body[field] !== 'string' || body[field] === '') return invalid(field);
			const fields = this.customFieldsOf('customers', body.custom_fields);
			if (typeof fields === 'string') return invalid(fields);
			const customer = {
				...body,
				customer_id: String(903000000100000 + this.records.customers.length),
				status: 'active',
				custom_fields: fields ?? [],
			};
			this.records.customers.unshift(customer);
			this.writes.push({ method: 'POST', path: request.path, body });
			return { status: 201, body: { code: 0, message: 'The customer has been created', customer } };
		}
		const match = new RegExp(`^/${module}/([^/]+)(?:/(\\w+))?$`).exec(path);
		const idField = module === 'plans' ? 'plan_code' : `${module.slice(0, -1)}_id`;
		const record = match
			? this.records[module].find(
					(candidate) => String(candidate[idField]) === decodeURIComponent(match[1]),
				)
			: undefined;
		const action = `${request.method} ${module}${match?.[2] ? `/${match[2]}` : ''}`;
		const known = [
			'PUT customers',
			'PUT subscriptions',
			'POST subscriptions/cancel',
			'POST subscriptions/reactivate',
			'POST subscriptions/customfields',
			'POST subscriptions/postpone',
			'POST invoices/email',
			'POST invoices/void',
		];
		if (!match || !known.includes(action))
			return { status: 404, body: { code: 5, message: 'Invalid URL Passed' } };
		if (!record) {
			const noun = module.slice(0, -1);
			return {
				status: 404,
				body: { code: 1002, message: `${noun[0].toUpperCase()}${noun.slice(1)} does not exist.` },
			};
		}
		this.writes.push({ method: request.method, path: request.path, body, query: request.query });
		const replied = (
			/** @type {string} */ message,
			/** @type {Record<string, unknown>} */ extra = {},
		) => ({
			status: 200,
			body: { code: 0, message, ...extra },
		});
		switch (action) {
			case 'PUT customers': {
				// update-a-customer-request lists display_name and email as required, like create.
				for (const field of ['display_name', 'email'])
					if (typeof body[field] !== 'string' || body[field] === '') return invalid(field);
				const fields = this.customFieldsOf('customers', body.custom_fields, record.custom_fields);
				if (typeof fields === 'string') return invalid(fields);
				Object.assign(record, { ...body, ...(fields ? { custom_fields: fields } : {}) });
				return replied('The customer details have been updated.', { customer: record });
			}
			case 'PUT subscriptions': {
				// update-a-subscription-request: plan with plan_code required; add-ons need addon_code;
				// with auto_collect, the card (card_id) or bank account (account_id) to charge.
				if (typeof body.plan?.plan_code !== 'string' || body.plan.plan_code === '')
					return invalid('plan_code');
				const listed = this.records.plans.find((plan) => plan.plan_code === body.plan.plan_code);
				if (this.records.plans.length > 0 && !listed) return invalid('plan_code');
				if (body.addons !== undefined && !Array.isArray(body.addons)) return invalid('addons');
				for (const addon of body.addons ?? [])
					if (typeof addon?.addon_code !== 'string' || addon.addon_code === '')
						return invalid('addon_code');
				if (record.auto_collect === true && !body.card_id && !body.account_id)
					return invalid('card_id');
				// The document says nothing of what a PUT leaves out, so it is modelled as a replace of
				// the plan and add-on lines: a line without price is billed at its list price, one
				// without tax_id untaxed, and add-ons not listed are gone.
				const line = (/** @type {any} */ sent, /** @type {number | undefined} */ listPrice) => ({
					quantity: sent.quantity ?? 1,
					...((sent.price ?? listPrice) === undefined ? {} : { price: sent.price ?? listPrice }),
					...(sent.tax_id ? { tax_id: sent.tax_id } : {}),
				});
				const change = {
					plan: {
						plan_code: body.plan.plan_code,
						name: listed?.name ?? record.plan?.name,
						...line(body.plan, listed?.recurring_price),
					},
					addons: (body.addons ?? []).map((/** @type {any} */ addon) => ({
						addon_code: addon.addon_code,
						...line(addon, this.addonListPrices[addon.addon_code]),
					})),
				};
				// end_of_term: the change waits for the renewal (View Scheduled Changes).
				if (body.end_of_term === true) record.scheduled_changes = change;
				else Object.assign(record, change);
				if (body.reference_id !== undefined) record.reference_id = body.reference_id;
				return replied('Subscription has been updated successfully.', { subscription: record });
			}
			case 'POST subscriptions/cancel': {
				if (['cancelled', 'expired', 'cancelled_from_dunning'].includes(record.status))
					return {
						status: 400,
						body: { code: 2, message: 'The subscription has already been cancelled.' },
					};
				const atEnd = request.query.cancel_at_end === 'true';
				record.status = atEnd ? 'non_renewing' : 'cancelled';
				return replied(
					atEnd
						? 'Your subscription will be canceled at the end of this term.'
						: 'Your subscription has been canceled.',
					{ subscription: record },
				);
			}
			case 'POST subscriptions/reactivate': {
				// "You can reactivate a subscription only if the status of the subscription is non-renewing."
				if (record.status !== 'non_renewing')
					return {
						status: 400,
						body: { code: 2, message: 'Only non-renewing subscriptions can be reactivated.' },
					};
				record.status = 'live';
				return replied('The subscription has been reactivated.', { subscription: record });
			}
			case 'POST subscriptions/customfields': {
				// update-custom-fields-request: custom_fields, each with label and value required.
				if (!Array.isArray(body.custom_fields) || body.custom_fields.length === 0)
					return invalid('custom_fields');
				if (body.custom_fields.some((/** @type {any} */ field) => typeof field?.label !== 'string'))
					return invalid('label');
				const fields = this.customFieldsOf(
					'subscriptions',
					body.custom_fields,
					record.custom_fields,
				);
				if (typeof fields === 'string') return invalid(fields);
				record.custom_fields = fields;
				return replied('Custom Fields Updated Successfully.', { data: fields });
			}
			case 'POST subscriptions/postpone': {
				// postpone-renewal-request: renewal_at, a later day: "can only be postponed and not preponed".
				const day = body.renewal_at;
				if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day))
					return invalid('renewal_at');
				if (
					typeof record.next_billing_at === 'string' &&
					day <= record.next_billing_at.slice(0, 10)
				)
					return {
						status: 400,
						body: { code: 2, message: 'The renewal date can only be postponed.' },
					};
				record.next_billing_at = day;
				record.current_term_ends_at = day;
				return replied('Billing date of the subscription has been changed.', {
					subscription: record,
				});
			}
			case 'POST invoices/email': {
				// email-an-invoice-request (invoices.yml): to_mail_ids, subject and body are required.
				if (!Array.isArray(body.to_mail_ids) || body.to_mail_ids.length === 0)
					return invalid('to_mail_ids');
				for (const field of ['subject', 'body'])
					if (typeof body[field] !== 'string' || body[field].trim() === '') return invalid(field);
				this.sentEmails.push({ invoice_id: record.invoice_id, ...body });
				return replied('Your invoice has been sent.');
			}
			case 'POST invoices/void': {
				record.status = 'void';
				return replied('Invoice status has been changed to Void.');
			}
		}
		return { status: 404, body: { code: 5, message: 'Invalid URL Passed' } };
	}

	/**
	 * "Get invoice email content": the invoice's email as the organization's default invoice template
	 * writes it, in the shape of `get-invoice-email-content-response` (Zoho's Billing invoices.yml:
	 * `data.subject`, `data.body`, `data.to_contacts[]` with `email` and `selected`, `emailtemplates`).
	 * The recipients are the invoice's customer's contacts, the primary one selected.
	 * @param {string} rawId @returns {Reply}
	 */
	invoiceEmailContent(rawId) {
		const invoice = this.records.invoices.find(
			(candidate) => String(candidate.invoice_id) === decodeURIComponent(rawId),
		);
		if (!invoice) return { status: 404, body: { code: 1002, message: 'Invoice does not exist.' } };
		const customer = this.records.customers.find(
			(candidate) => candidate.customer_id === invoice.customer_id,
		);
		const email = invoice.email ?? customer?.email;
		const number = invoice.invoice_number ?? invoice.number;
		return {
			status: 200,
			body: {
				code: 0,
				message: 'success',
				data: {
					customer_id: invoice.customer_id,
					customer_name: invoice.customer_name,
					subject: `Invoice - ${number} from ${this.organization.name}`,
					body: `<br>Dear ${invoice.customer_name},<br><br>Thanks for your business. The invoice ${number} is attached with this email.<br><br>Regards,<br>${this.organization.name}<br>`,
					to_contacts: email
						? [
								{
									first_name: customer?.first_name ?? '',
									email,
									selected: true,
									contact_person_id: '2000000062001',
								},
							]
						: [],
					emailtemplates: [{ selected: true, name: 'Default', email_template_id: '2000000000067' }],
					attach_pdf: true,
				},
			},
		};
	}

	/**
	 * Custom field entries of a write resolved against the organization's definitions, by the keys
	 * Zoho's documents give writes: `label` (Billing's OpenAPI, customers.yml and subscription.yml),
	 * `index` (Zoho's Subscriptions Postman collection), and `customfield_id` of a field the record
	 * shows. No document names `api_name` as a write key, so an entry naming a field by it alone is
	 * refused, as Zoho may refuse it. Returns the record's fields afterwards, or the name of the first
	 * entry that matches no definition.
	 * @param {string} module @param {unknown} entries @param {any[]} [current]
	 * @returns {any[] | string | undefined}
	 */
	customFieldsOf(module, entries, current = []) {
		if (entries === undefined) return undefined;
		if (!Array.isArray(entries)) return 'custom_fields';
		const fields = current.map((field) => ({ ...field }));
		for (const entry of entries) {
			const definition = (this.customFieldDefinitions[module] ?? []).find(
				(candidate) =>
					(entry.label !== undefined && entry.label === candidate.label) ||
					(entry.customfield_id !== undefined &&
						entry.customfield_id === candidate.customfield_id) ||
					(entry.index !== undefined && Number(entry.index) === candidate.index),
			);
			if (!definition)
				return `custom_fields ${entry.label ?? entry.index ?? entry.customfield_id ?? entry.api_name}`;
			const existing = fields.find((field) => field.customfield_id === definition.customfield_id);
			if (existing) existing.value = entry.value;
			else fields.push({ ...definition, value: entry.value });
		}
		return fields;
	}

	/**
	 * Looks an event up through an index rebuilt whenever `events` is replaced or grows: a linear
	 * search cost the benchmarks' 5,000-event backfill about 0.15 ms per call.
	 * @param {string} eventId
	 */
	eventById(eventId) {
		if (this.indexed !== this.events || this.indexedLength !== this.events.length) {
			this.index = new Map();
			// The first event with an ID wins, as a search from the start would find it.
			for (const event of this.events)
				if (!this.index.has(event.event_id)) this.index.set(event.event_id, event);
			this.indexed = this.events;
			this.indexedLength = this.events.length;
		}
		return this.index.get(eventId);
	}

	/** @param {RecordedRequest} request @returns {Reply} */
	listEvents(request) {
		const page = Number(request.query.page ?? 1);
		const perPage = Number(request.query.per_page ?? 200);
		if (
			!Number.isInteger(page) ||
			page < 1 ||
			!Number.isInteger(perPage) ||
			perPage < 1 ||
			perPage > 200
		) {
			return {
				status: 400,
				body: { code: 2, message: 'Invalid value passed for page or per_page' },
			};
		}
		let events = this.events;
		const filterBy = request.query.filter_by ?? 'EventTime.All';
		if (filterBy.startsWith('EventType.')) {
			const type = filterBy.slice('EventType.'.length);
			if (!LIST_FILTER_EVENT_TYPES.has(type))
				return { status: 400, body: { code: 2, message: 'Invalid value passed for filter_by' } };
			events = events.filter((event) => event.event_type === type);
		} else if (filterBy === 'EventTime.CustomDate') {
			const { event_start_date: start, event_end_date: end } = request.query;
			events = events.filter(
				(event) => event.event_time.slice(0, 10) >= start && event.event_time.slice(0, 10) <= end,
			);
		} else if (filterBy !== 'EventTime.All') {
			// Zoho's named presets, in the organization's days (its event times are written in them).
			const range = presetDays(filterBy.slice('EventTime.'.length), this.organization.time_zone);
			if (!range)
				return { status: 400, body: { code: 2, message: 'Invalid value passed for filter_by' } };
			events = events.filter(
				(event) =>
					event.event_time.slice(0, 10) >= range.start &&
					event.event_time.slice(0, 10) <= range.end,
			);
		}
		// Sorted by time when asked (newest first unless sort_order=A); otherwise in the order held.
		if (request.query.sort_column === 'event_time') {
			const direction = request.query.sort_order === 'A' ? 1 : -1;
			events = events
				.map((event, index) => ({ event, index, time: timeOf(event.event_time) }))
				.sort((a, b) => direction * (a.time - b.time) || a.index - b.index)
				.map(({ event }) => event);
		}
		const slice = events.slice((page - 1) * perPage, page * perPage);
		return {
			status: 200,
			body: {
				code: 0,
				message: 'success',
				events: slice.map(({ event_id, event_type, event_time }) => ({
					event_id,
					event_type,
					event_time,
				})),
				page_context: {
					page,
					per_page: perPage,
					has_more_page: page * perPage < events.length,
					sort_column: request.query.sort_column ?? 'event_time',
					sort_order: request.query.sort_order ?? 'D',
				},
			},
		};
	}

	/**
	 * Records an event as Zoho Billing does when something happens, and delivers it to `webhook` (the
	 * default payload, signed as Zoho signs it) the way Zoho does; the delivery's outcome, `success` or
	 * `failure`, is kept in the event's `webhooks`, as the Events API reports it.
	 * @param {{ event_id: string, event_type: string, event_time: string }} body the webhook body
	 * @param {{ url: string, secret: string } | undefined} webhook
	 */
	async record(body, webhook) {
		/** @type {ZohoApiEvent} */
		const event = {
			event_id: body.event_id,
			event_type: body.event_type,
			event_time: body.event_time,
			payload: JSON.stringify(body),
			webhooks: [],
		};
		this.events.unshift(event);
		if (!webhook) return event;
		const raw = JSON.stringify(body);
		let status = 'failure';
		try {
			const response = await fetch(webhook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-zoho-webhook-signature': signZohoWebhook(raw, webhook.secret),
				},
				body: raw,
				signal: AbortSignal.timeout(15_000),
			});
			await response.arrayBuffer();
			if (response.ok) status = 'success';
		} catch {
			// Refused, reset or timed out: a failed delivery, as Zoho records it.
		}
		event.webhooks = [
			{ webhook_id: '9030000020202', url: webhook.url, status, last_updated_time: body.event_time },
		];
		return event;
	}

	/**
	 * Zoho Accounts' token endpoint. A refresh Zoho refuses is answered with HTTP 200 and an `error`
	 * field, not a 4xx: `{"error":"invalid_code"}` for a bad or revoked refresh token, and
	 * `{"error":"Access Denied", "error_description": "You have made too many requests continuously…"}`
	 * past its limit on new access tokens (Weble/ZohoBooksApi issue 84; Zoho Accounts' token validity
	 * page). n8n's OAuth2 client fails a refresh only on a status of 400 or more.
	 * @param {RecordedRequest} request @returns {Reply}
	 */
	token(request) {
		const body = request.body ?? {};
		const valid =
			this.refreshTokenValid &&
			body.grant_type === 'refresh_token' &&
			body.refresh_token === ZOHO_REFRESH_TOKEN &&
			body.client_id === ZOHO_CLIENT_ID &&
			body.client_secret === ZOHO_CLIENT_SECRET;
		if (!valid) return { status: 200, body: { error: 'invalid_code' } };
		const now = Date.now();
		this.tokensIssuedAt = this.tokensIssuedAt.filter((at) => now - at < 600_000);
		if (this.tokensIssuedAt.length >= this.tokensPerTenMinutes) {
			return {
				status: 200,
				body: {
					error: 'Access Denied',
					error_description:
						'You have made too many requests continuously. Please try again after some time.',
				},
			};
		}
		this.tokensIssuedAt.push(now);
		return {
			status: 200,
			body: {
				access_token: this.accessToken,
				api_domain: this.baseUrl,
				token_type: 'Bearer',
				expires_in: 3600,
			},
		};
	}
}

/**
 * The days Zoho's `EventTime.<preset>` covers today in a time zone, weeks from Sunday; undefined for
 * a preset Zoho does not document (Today, ThisWeek, ThisMonth, LastWeek, LastMonth).
 * @param {string} preset @param {string} timeZone @returns {{ start: string, end: string } | undefined}
 */
function presetDays(preset, timeZone) {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
	const day = (/** @type {string} */ from, /** @type {number} */ shift) => {
		const date = new Date(`${from}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + shift);
		return date.toISOString().slice(0, 10);
	};
	const weekStart = day(today, -new Date(`${today}T00:00:00Z`).getUTCDay());
	const monthStart = `${today.slice(0, 8)}01`;
	const lastMonthEnd = day(monthStart, -1);
	switch (preset) {
		case 'Today':
			return { start: today, end: today };
		case 'ThisWeek':
			return { start: weekStart, end: day(weekStart, 6) };
		case 'LastWeek':
			return { start: day(weekStart, -7), end: day(weekStart, -1) };
		case 'ThisMonth':
			return { start: monthStart, end: day(`${day(monthStart, 32).slice(0, 8)}01`, -1) };
		case 'LastMonth':
			return { start: `${lastMonthEnd.slice(0, 8)}01`, end: lastMonthEnd };
		default:
			return undefined;
	}
}

/** Epoch ms of an event_time such as 2016-06-05T18:28:20-0700 or 2023-08-02. @param {string} text */
function timeOf(text) {
	const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
		? `${text}T00:00:00Z`
		: text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
	return Date.parse(iso);
}

module.exports = {
	ZohoBillingStandIn,
	ZOHO_ORG_ID,
	ZOHO_CLIENT_ID,
	ZOHO_CLIENT_SECRET,
	ZOHO_REFRESH_TOKEN,
	ZOHO_ACCESS_TOKEN_PREFIX,
};
