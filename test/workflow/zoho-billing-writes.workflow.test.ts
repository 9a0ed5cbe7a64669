/**
 * Zoho Billing node writes (customers, subscriptions, invoices) inside n8n-core's WorkflowExecute,
 * against the Zoho Billing stand-in, which answers as Zoho's Billing OpenAPI documents these calls:
 * paths, methods, required fields, allowed statuses, messages, and the scope each method needs.
 */
import { zohoRecord } from '../fixtures';
import { zohoCredentials } from '../support/credentials';
import { searchZohoBillingList } from '../support/list-search';
import { PACKAGE, nodeTypes, runWorkflow } from '../support/run-workflow';
import { ZohoBillingStandIn } from '../support/stand-ins/zoho-billing';

const NODE = 'Zoho Billing';
const WRITE_SCOPES = [
	'ZohoSubscriptions.customers.CREATE',
	'ZohoSubscriptions.customers.UPDATE',
	'ZohoSubscriptions.subscriptions.CREATE',
	'ZohoSubscriptions.subscriptions.UPDATE',
	'ZohoSubscriptions.invoices.CREATE',
];
const READ_SCOPES = [
	'ZohoSubscriptions.customers.READ',
	'ZohoSubscriptions.subscriptions.READ',
	'ZohoSubscriptions.invoices.READ',
	'ZohoSubscriptions.plans.READ',
];

let zoho: ZohoBillingStandIn;
beforeEach(async () => {
	zoho = new ZohoBillingStandIn();
	await zoho.start();
	zoho.records.customers = [zohoRecord('customer')];
	// It collects automatically, from this card (subscription.yml's `card` object).
	zoho.records.subscriptions = [
		zohoRecord('subscription', {
			card: { card_id: '2000000071001', last_four_digits: '4242', payment_gateway: 'stripe' },
		}),
	];
	zoho.records.invoices = [zohoRecord('invoice', { status: 'overdue', balance: 49.5 })];
	zoho.records.plans = [
		zohoRecord('plan'),
		zohoRecord('plan', { plan_code: 'TEAM-M', name: 'Team Monthly', recurring_price: 60 }),
	];
	zoho.customFieldDefinitions = {
		customers: [
			...zohoRecord('customer').custom_fields.map((field: Record<string, unknown>) => ({
				customfield_id: String(field.customfield_id),
				label: String(field.label),
				api_name: String(field.api_name),
				data_type: String(field.data_type),
				index: Number(field.index),
			})),
			{
				customfield_id: '2000000100009',
				label: 'Tier',
				api_name: 'cf_tier',
				data_type: 'string',
				index: 9,
			},
		],
		subscriptions: [
			{
				customfield_id: '2000000200001',
				label: 'Sales Channel',
				api_name: 'cf_sales_channel',
				data_type: 'string',
				index: 1,
			},
			{
				customfield_id: '2000000200002',
				label: 'Discount Percent',
				api_name: 'cf_discount_percent',
				data_type: 'percent',
				index: 2,
			},
			{
				customfield_id: '2000000200003',
				label: 'Modules',
				api_name: 'cf_modules',
				data_type: 'multiselect',
				index: 3,
			},
		],
		invoices: [],
	};
});
afterEach(async () => await zoho.stop());

/** A credential whose Scope holds the write scopes (and the read ones the node needs besides). */
const writeCredentials = () =>
	zohoCredentials(zoho, { scope: [...READ_SCOPES, ...WRITE_SCOPES].join(',') });

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function zohoNode(parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
	return {
		name: NODE,
		type: `${PACKAGE}.zohoBilling`,
		parameters,
		credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
		...settings,
	};
}

/** The calls to Zoho Billing's API (not its token endpoint), as method and path. */
const apiCalls = () =>
	zoho.requests
		.filter((request) => request.path.startsWith('/billing/v1/'))
		.map((request) => `${request.method} ${request.path}`);

describe('Customer', () => {
	it('Create posts the documented body, custom fields by label, and outputs the new customer', async () => {
		const { output } = await runWorkflow({
			items: [{ name: 'Rui Costa', email: 'rui@example.com' }],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'create',
					displayName: '={{ $json.name }}',
					email: '={{ $json.email }}',
					additionalFields: { firstName: 'Rui', companyName: 'Costa Lda', currencyCode: 'EUR' },
					customFields: { field: [{ name: 'Tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual(['POST /billing/v1/customers']);
		expect(zoho.writes[0].body).toEqual({
			display_name: 'Rui Costa',
			email: 'rui@example.com',
			first_name: 'Rui',
			company_name: 'Costa Lda',
			currency_code: 'EUR',
			custom_fields: [{ label: 'Tier', value: 'gold' }],
		});
		const [item] = output(NODE);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			customer_id: zoho.records.customers[0].customer_id,
			display_name: 'Rui Costa',
			custom_fields_by_api_name: { cf_tier: 'gold' },
		});
	});

	it('Create refuses a custom field by API name, which Zoho does not take in writes, and calls nothing', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'create',
					displayName: 'Rui',
					email: 'rui@example.com',
					customFields: { field: [{ name: 'cf_tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toMatch(
			/^Custom field cf_tier: Zoho Billing takes custom fields by their label when writing, and a new customer has no fields to look this API name up in\. Enter the field's label/,
		);
		expect(apiCalls()).toEqual([]);
	});

	it('Create refuses a malformed email, naming the field, and calls nothing', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'create',
					displayName: 'Rui',
					email: 'rui-at-example',
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe(
			'Email must be an email address such as name@example.com, got "rui-at-example"',
		);
		expect(apiCalls()).toEqual([]);
	});

	it('Update reads the customer, then puts its name and email with the changes and sets custom fields by their label', async () => {
		const customerId = zohoRecord('customer').customer_id;
		const { output } = await runWorkflow({
			items: [{ id: customerId }],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'update',
					customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					updateFields: { mobile: '+351900000000' },
					customFields: {
						field: [
							{ name: 'cf_seats', value: '15' },
							{ name: 'Tier', value: 'silver' },
						],
					},
				}),
			],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([
			`GET /billing/v1/customers/${customerId}`,
			`PUT /billing/v1/customers/${customerId}`,
		]);
		expect(zoho.writes[0].body).toEqual({
			display_name: 'Ana Silva',
			email: 'ana.silva@example.com',
			mobile: '+351900000000',
			custom_fields: [
				{ label: 'Seats', customfield_id: '2000000100002', index: 2, value: '15' },
				{ label: 'Tier', value: 'silver' },
			],
		});
		expect(output(NODE)[0].json).toMatchObject({
			customer_id: customerId,
			mobile: '+351900000000',
			custom_fields_by_api_name: { cf_seats: 15, cf_tier: 'silver' },
		});
	});

	it('Update by an API name the customer does not show fails after the read, before the write', async () => {
		const customerId = zohoRecord('customer').customer_id;
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'update',
					customerId: byId(customerId),
					customFields: { field: [{ name: 'cf_tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toContain(
			'Custom field cf_tier: Zoho Billing takes custom fields by their label when writing, and the customer Zoho returned shows no field with this API name',
		);
		expect(apiCalls()).toEqual([`GET /billing/v1/customers/${customerId}`]);
		expect(zoho.writes).toEqual([]);
	});

	it("Update offers only fields Zoho's update documents list, the Postman-only ones marked UNCONFIRMED", () => {
		const node = nodeTypes.getByNameAndVersion(`${PACKAGE}.zohoBilling`, 1);
		const updateFields = node.description.properties.find(
			(property) =>
				property.name === 'updateFields' &&
				property.displayOptions?.show?.resource?.includes('customer'),
		);
		const offered = (updateFields?.options ?? []) as Array<{ name: string; description?: string }>;
		expect(offered.map((option) => option.name).sort()).toEqual(
			[
				'companyName',
				'currencyCode',
				'displayName',
				'email',
				'firstName',
				'lastName',
				'mobile',
				'notes',
				'phone',
				'salutation',
				'website',
			].sort(),
		);
		expect(
			offered.filter((option) => option.description?.startsWith('UNCONFIRMED')).map((o) => o.name),
		).toEqual(['website', 'notes']);
	});

	it('Update with nothing to change fails before any call', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({ resource: 'customer', operation: 'update', customerId: byId('2000000061001') }),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe('Add at least one field to Update Fields or Custom Fields');
		expect(apiCalls()).toEqual([]);
	});
});

describe('scopes', () => {
	// Every write with a minimal valid input, and the scope it needs beyond the read-only default.
	const writes: Array<[string, string, Record<string, unknown>]> = [
		[
			'ZohoSubscriptions.customers.CREATE',
			'customer:create',
			{ displayName: 'Rui', email: 'rui@example.com' },
		],
		[
			'ZohoSubscriptions.customers.UPDATE',
			'customer:update',
			{ customerId: byId('2000000061001'), updateFields: { mobile: '1' } },
		],
		[
			'ZohoSubscriptions.subscriptions.UPDATE',
			'subscription:update',
			{ subscriptionId: byId('2000000081001'), updateFields: { quantity: 2 } },
		],
		[
			'ZohoSubscriptions.subscriptions.CREATE',
			'subscription:cancel',
			{ subscriptionId: byId('2000000081001') },
		],
		[
			'ZohoSubscriptions.subscriptions.CREATE',
			'subscription:reactivate',
			{ subscriptionId: byId('2000000081001') },
		],
		[
			'ZohoSubscriptions.subscriptions.CREATE',
			'subscription:updateCustomFields',
			{
				subscriptionId: byId('2000000081001'),
				customFields: { field: [{ name: 'Sales Channel', value: 'Direct' }] },
			},
		],
		[
			'ZohoSubscriptions.subscriptions.CREATE',
			'subscription:changeNextBillingDate',
			{ subscriptionId: byId('2000000081001'), nextBillingDate: '2026-12-20' },
		],
		['ZohoSubscriptions.invoices.CREATE', 'invoice:email', { invoiceId: byId('2000000091001') }],
		['ZohoSubscriptions.invoices.CREATE', 'invoice:void', { invoiceId: byId('2000000091001') }],
	];

	it.each(writes)(
		'with the read-only default Scope, %s is named and %s makes no call at all, not even its read',
		async (scope, resourceOperation, parameters) => {
			const [resource, operation] = resourceOperation.split(':');
			const { error } = await runWorkflow({
				items: [{}],
				nodes: [zohoNode({ resource, operation, ...parameters })],
				credentials: zohoCredentials(zoho),
			});
			expect(error(NODE)?.message).toBe(
				`The Zoho Billing credential lacks the scope ${scope}, which this operation needs`,
			);
			expect((error(NODE) as { description?: string }).description).toContain(
				`Add ${scope} to the credential's Scope`,
			);
			expect(zoho.requests).toEqual([]);
		},
	);

	it('a write whose read scope was taken out of the Scope fails before that read', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'customer',
					operation: 'update',
					customerId: byId('2000000061001'),
					updateFields: { mobile: '1' },
				}),
			],
			credentials: zohoCredentials(zoho, { scope: 'ZohoSubscriptions.customers.UPDATE' }),
		});
		expect(error(NODE)?.message).toBe(
			'The Zoho Billing credential lacks the scope ZohoSubscriptions.customers.READ, which this operation needs',
		);
		expect(zoho.requests).toEqual([]);
	});

	it('a token Zoho granted without the write scope is refused by Zoho; the error says to reconnect', async () => {
		zoho.grantedScopes = new Set(READ_SCOPES);
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'reactivate',
					subscriptionId: byId('2000000081001'),
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe(
			'Zoho Billing error 57: You are not authorized to perform this operation',
		);
		expect((error(NODE) as { description?: string }).description).toContain(
			'If the credential was connected before its Scope held ZohoSubscriptions.subscriptions.CREATE, reconnect it',
		);
		expect(zoho.writes).toEqual([]);
	});
});

describe('Subscription', () => {
	const subscriptionId = '2000000081001';

	it('Update of the quantity alone keeps a negotiated price and the taxes of the plan and its add-ons', async () => {
		const subscription = zoho.records.subscriptions[0];
		subscription.plan = { ...subscription.plan, price: 39, tax_id: '2000000033001' };
		subscription.addons = [
			{ addon_code: 'extra-seat', name: 'Seat', quantity: 2, price: 4, tax_id: '2000000033001' },
		];
		zoho.addonListPrices = { 'extra-seat': 5 };
		await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					updateFields: { quantity: 3 },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([
			`GET /billing/v1/subscriptions/${subscriptionId}`,
			`PUT /billing/v1/subscriptions/${subscriptionId}`,
		]);
		expect(zoho.writes[0].body).toEqual({
			plan: { plan_code: 'PRO-M', quantity: 3, price: 39, tax_id: '2000000033001' },
			addons: [{ addon_code: 'extra-seat', quantity: 2, price: 4, tax_id: '2000000033001' }],
			customer_id: '2000000061001',
			card_id: '2000000071001',
		});
		// Zoho's subscription afterwards: only the quantity changed.
		expect(zoho.records.subscriptions[0]).toMatchObject({
			plan: { plan_code: 'PRO-M', quantity: 3, price: 39, tax_id: '2000000033001' },
			addons: [{ addon_code: 'extra-seat', quantity: 2, price: 4, tax_id: '2000000033001' }],
		});
	});

	it("Update to a new plan bills the new plan's list price, keeps the tax and add-ons; Plan Price sets a price", async () => {
		const subscription = zoho.records.subscriptions[0];
		subscription.plan = { ...subscription.plan, price: 39, tax_id: '2000000033001' };
		subscription.addons = [{ addon_code: 'extra-seat', quantity: 2, name: 'Seat', price: 4 }];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: byId('TEAM-M'),
					updateFields: { quantity: 3 },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(zoho.writes[0].body).toEqual({
			plan: { plan_code: 'TEAM-M', quantity: 3, tax_id: '2000000033001' },
			addons: [{ addon_code: 'extra-seat', quantity: 2, price: 4 }],
			customer_id: '2000000061001',
			card_id: '2000000071001',
		});
		expect(output(NODE)[0].json).toMatchObject({
			subscription_id: subscriptionId,
			plan: { plan_code: 'TEAM-M', quantity: 3, price: 60, tax_id: '2000000033001' },
		});

		await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: byId('PRO-M'),
					updateFields: { price: 42.5 },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(zoho.writes[1].body.plan).toEqual({
			plan_code: 'PRO-M',
			quantity: 3,
			price: 42.5,
			tax_id: '2000000033001',
		});
	});

	it('Update at the end of the term with add-ons replaced schedules the change and leaves the plan', async () => {
		zoho.records.subscriptions[0].addons = [
			{ addon_code: 'priority-support', quantity: 1, price: 9, tax_id: '2000000033001' },
		];
		await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					updateFields: { endOfTerm: true },
					addonsMode: 'replace',
					addons: {
						addon: [
							{ addonCode: 'priority-support', quantity: 2 },
							{ addonCode: 'extra-seat', quantity: 1 },
						],
					},
				}),
			],
			credentials: writeCredentials(),
		});
		// The add-on it had keeps its price and tax; the new one gets Zoho's list price.
		expect(zoho.writes[0].body).toEqual({
			plan: { plan_code: 'PRO-M', quantity: 1, price: 45 },
			addons: [
				{ addon_code: 'priority-support', quantity: 2, price: 9, tax_id: '2000000033001' },
				{ addon_code: 'extra-seat', quantity: 1 },
			],
			customer_id: '2000000061001',
			card_id: '2000000071001',
			end_of_term: true,
		});
		expect(zoho.records.subscriptions[0].plan.plan_code).toBe('PRO-M');
		expect(zoho.records.subscriptions[0].scheduled_changes).toMatchObject({
			addons: [
				{ addon_code: 'priority-support', quantity: 2, price: 9 },
				{ addon_code: 'extra-seat', quantity: 1 },
			],
		});
	});

	it("Update to a plan Zoho does not have fails with Zoho's message", async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: { __rl: true, mode: 'list', value: 'NO-SUCH-PLAN' },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe('Zoho Billing error 2: Invalid value passed for plan_code');
	});

	it('Update with nothing to change, or a plan code that cannot be one, fails before calling Zoho', async () => {
		const run = async (parameters: Record<string, unknown>) =>
			(
				await runWorkflow({
					items: [{}],
					nodes: [
						zohoNode({
							resource: 'subscription',
							operation: 'update',
							subscriptionId: byId(subscriptionId),
							...parameters,
						}),
					],
					credentials: writeCredentials(),
				})
			).error(NODE)?.message;
		expect(await run({})).toBe(
			'Choose a New Plan, add a field to Update Fields, or choose Add-Ons: Replace With',
		);
		// An expression skips the panel's check (which refuses a typed "team monthly"); the node checks it.
		expect(await run({ newPlan: byId('={{ "team monthly" }}') })).toBe(
			'Plan Code must be a Zoho plan code such as basic-monthly, got "team monthly"',
		);
		expect(apiCalls()).toEqual([]);
	});

	it('Cancel at end of term makes it non-renewing, Reactivate makes it live again; Cancel now cancels it', async () => {
		const step = async (operation: string, extra: Record<string, unknown> = {}) =>
			(
				await runWorkflow({
					items: [{}],
					nodes: [
						zohoNode({
							resource: 'subscription',
							operation,
							subscriptionId: byId(subscriptionId),
							...extra,
						}),
					],
					credentials: writeCredentials(),
				})
			).output(NODE)[0].json;
		expect(await step('cancel')).toMatchObject({
			subscription_id: subscriptionId,
			status: 'non_renewing',
		});
		expect(zoho.writes[0].query).toEqual({ cancel_at_end: 'true' });
		expect(await step('reactivate')).toMatchObject({ status: 'live' });
		expect(await step('cancel', { cancelAt: 'now' })).toMatchObject({ status: 'cancelled' });
		expect(zoho.writes.map((write) => write.path)).toEqual([
			`/billing/v1/subscriptions/${subscriptionId}/cancel`,
			`/billing/v1/subscriptions/${subscriptionId}/reactivate`,
			`/billing/v1/subscriptions/${subscriptionId}/cancel`,
		]);
		expect(zoho.writes[2].query).toEqual({ cancel_at_end: 'false' });
	});

	it("Reactivate of a live subscription fails with Zoho's message, paired to its item under Continue On Fail", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode(
					{
						resource: 'subscription',
						operation: 'reactivate',
						subscriptionId: byId(subscriptionId),
					},
					{ continueOnFail: true },
				),
			],
			credentials: writeCredentials(),
		});
		expect(output(NODE)).toEqual([
			{
				json: expect.objectContaining({
					error: 'Zoho Billing error 2: Only non-renewing subscriptions can be reactivated.',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Update Custom Fields reads the subscription and posts each field with the label Zoho requires', async () => {
		const { output } = await runWorkflow({
			items: [{ channel: 'Direct' }],
			nodes: [
				zohoNode({
					resource: 'subscription',
					operation: 'updateCustomFields',
					subscriptionId: byId(subscriptionId),
					customFields: {
						field: [
							{ name: 'cf_sales_channel', value: '={{ $json.channel }}' },
							{ name: 'cf_discount_percent', value: '20' },
						],
					},
				}),
			],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([
			`GET /billing/v1/subscriptions/${subscriptionId}`,
			`POST /billing/v1/subscriptions/${subscriptionId}/customfields`,
		]);
		const posted = [
			{ label: 'Sales Channel', index: 1, value: 'Direct' },
			{ label: 'Discount Percent', index: 2, value: '20' },
		];
		expect(zoho.writes[0].body).toEqual({ custom_fields: posted });
		expect(output(NODE)[0].json).toEqual({
			subscription_id: subscriptionId,
			custom_fields: posted,
			message: 'Custom Fields Updated Successfully.',
		});
	});

	it("Change Next Billing Date posts renewal_at; an earlier day gets Zoho's refusal, a bad date no call", async () => {
		const run = async (nextBillingDate: string) =>
			await runWorkflow({
				items: [{}],
				nodes: [
					zohoNode({
						resource: 'subscription',
						operation: 'changeNextBillingDate',
						subscriptionId: byId(subscriptionId),
						nextBillingDate,
					}),
				],
				credentials: writeCredentials(),
			});
		const later = await run('2026-12-20T00:00:00');
		expect(zoho.writes[0].body).toEqual({ renewal_at: '2026-12-20' });
		expect(later.output(NODE)[0].json).toMatchObject({ next_billing_at: '2026-12-20' });
		const earlier = await run('2026-12-10');
		expect(earlier.error(NODE)?.message).toBe(
			'Zoho Billing error 2: The renewal date can only be postponed.',
		);
		const requestsBefore = zoho.requests.length;
		const malformed = await run('next week');
		expect(malformed.error(NODE)?.message).toBe(
			'Next Billing Date must be a date in YYYY-MM-DD form, got "next week"',
		);
		expect(zoho.requests.length).toBe(requestsBefore);
	});
});

describe('Invoice', () => {
	const invoiceId = '2000000091001';

	it('Email with To, Subject and Body entered posts them as they are, in one call', async () => {
		const { output } = await runWorkflow({
			items: [{ email: 'ana.silva@example.com' }],
			nodes: [
				zohoNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: '={{ $json.email }}',
					options: {
						cc: 'billing@example.com, finance@example.com',
						subject: 'Your invoice',
						body: 'Here it is.',
					},
				}),
			],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([`POST /billing/v1/invoices/${invoiceId}/email`]);
		expect(zoho.sentEmails).toEqual([
			{
				invoice_id: invoiceId,
				to_mail_ids: ['ana.silva@example.com'],
				cc_mail_ids: ['billing@example.com', 'finance@example.com'],
				subject: 'Your invoice',
				body: 'Here it is.',
			},
		]);
		expect(output(NODE)).toEqual([
			{
				json: {
					invoice_id: invoiceId,
					to_mail_ids: ['ana.silva@example.com'],
					subject: 'Your invoice',
					message: 'Your invoice has been sent.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Email with To, Subject and Body empty reads the invoice's own email first and sends it to its recipients", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [zohoNode({ resource: 'invoice', operation: 'email', invoiceId: byId(invoiceId) })],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([
			`GET /billing/v1/invoices/${invoiceId}/email`,
			`POST /billing/v1/invoices/${invoiceId}/email`,
		]);
		expect(zoho.sentEmails).toEqual([
			{
				invoice_id: invoiceId,
				to_mail_ids: ['ana.silva@example.com'],
				subject: 'Invoice - INV-000123 from Silva Design',
				body: expect.stringContaining('The invoice INV-000123 is attached'),
			},
		]);
		expect(output(NODE)[0].json).toEqual({
			invoice_id: invoiceId,
			to_mail_ids: ['ana.silva@example.com'],
			subject: 'Invoice - INV-000123 from Silva Design',
			message: 'Your invoice has been sent.',
		});
	});

	it("Email with only a subject keeps it and takes the invoice's body; a malformed address fails before any call", async () => {
		await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva@example.com',
					options: { subject: 'Still open: your invoice' },
				}),
			],
			credentials: writeCredentials(),
		});
		expect(zoho.sentEmails[0]).toMatchObject({
			to_mail_ids: ['ana.silva@example.com'],
			subject: 'Still open: your invoice',
			body: expect.stringContaining('Dear Ana Silva'),
		});
		const requestsBefore = zoho.requests.length;
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva',
				}),
			],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe(
			'To must be an email address such as name@example.com, got "ana.silva"',
		);
		expect(zoho.requests.length).toBe(requestsBefore);
	});

	it('Email of an invoice whose own email names no recipient fails naming To, and sends nothing', async () => {
		// Neither the invoice nor its customer holds an address Zoho could send to.
		zoho.records.invoices[0].email = undefined;
		zoho.records.customers = [];
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [zohoNode({ resource: 'invoice', operation: 'email', invoiceId: byId(invoiceId) })],
			credentials: writeCredentials(),
		});
		expect(error(NODE)?.message).toBe(
			"To must hold at least one email address: Zoho's email for this invoice names no recipient",
		);
		expect(zoho.sentEmails).toEqual([]);
	});

	it('Email is not sent again after a 500 (Zoho may have sent it): one request, and the error says so', async () => {
		zoho.failNext({
			status: 500,
			body: { code: 9999, message: 'Internal error' },
			pathPrefix: `/billing/v1/invoices/${invoiceId}/email`,
			method: 'POST',
			times: 1,
		});
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoNode({
					resource: 'invoice',
					operation: 'email',
					invoiceId: byId(invoiceId),
					to: 'ana.silva@example.com',
				}),
			],
			credentials: writeCredentials(),
		});
		const posts = zoho
			.requestsTo(`/billing/v1/invoices/${invoiceId}/email`)
			.filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(1);
		expect((error(NODE) as { description?: string }).description).toContain(
			'not sent again: Zoho Billing may have carried it out already',
		);
	});

	it("Void marks the invoice void and outputs its ID with Zoho's message", async () => {
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [zohoNode({ resource: 'invoice', operation: 'void', invoiceId: byId(invoiceId) })],
			credentials: writeCredentials(),
		});
		expect(apiCalls()).toEqual([`POST /billing/v1/invoices/${invoiceId}/void`]);
		expect(zoho.records.invoices[0].status).toBe('void');
		expect(output(NODE)[0].json).toEqual({
			invoice_id: invoiceId,
			message: 'Invoice status has been changed to Void.',
		});
	});
});

describe('From List pickers', () => {
	it('every record picker of the panel names a search the node has (the plan on Update a subscription too)', () => {
		const node = nodeTypes.getByNameAndVersion(`${PACKAGE}.zohoBilling`, 1);
		const pickers = node.description.properties
			.filter((property) => property.type === 'resourceLocator')
			.map((property) => [
				property.name,
				property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod,
			]);
		expect(pickers).toContainEqual(['newPlan', 'searchPlans']);
		for (const [name, method] of pickers)
			expect([name, typeof node.methods?.listSearch?.[method ?? '']]).toEqual([name, 'function']);
	});

	it("search customers through Zoho's list, narrowed by what was typed, page by page", async () => {
		zoho.records.customers = Array.from({ length: 60 }, (_, index) =>
			zohoRecord('customer', {
				customer_id: String(2000000061100 + index),
				display_name: index % 2 ? `Rui ${index}` : `Ana ${index}`,
				email: `c${index}@example.com`,
			}),
		);
		const first = await searchZohoBillingList('searchCustomers', writeCredentials());
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: 'Ana 0 · c0@example.com', value: '2000000061100' });
		expect(first.paginationToken).toBe('2');
		const second = await searchZohoBillingList('searchCustomers', writeCredentials(), '', '2');
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		const typed = await searchZohoBillingList('searchCustomers', writeCredentials(), 'rui 5');
		expect(typed.results.map((result) => result.value)).toEqual(
			['5', '51', '53', '55', '57', '59'].map((suffix) => String(2000000061100 + Number(suffix))),
		);
		expect(zoho.requests.at(-1)?.query).toMatchObject({
			search_text: 'rui 5',
			page: '1',
			per_page: '50',
		});
	});

	it('offer subscriptions, invoices and plans by their numbers and names', async () => {
		const values = async (method: string) =>
			(await searchZohoBillingList(method, writeCredentials())).results;
		expect(await values('searchSubscriptions')).toEqual([
			{ name: 'SUB-00008 · Ana Silva · Pro Monthly · live', value: '2000000081001' },
		]);
		expect(await values('searchInvoices')).toEqual([
			{ name: 'INV-000123 · Ana Silva · overdue', value: '2000000091001' },
		]);
		expect((await values('searchPlans')).map((plan) => plan.value)).toEqual(['PRO-M', 'TEAM-M']);
	});
});
