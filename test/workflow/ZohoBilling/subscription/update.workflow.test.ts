/**
 * Zoho Billing node, Subscription > Update, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Subscription > Update', () => {
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
				zohoBillingNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					updateFields: { quantity: 3 },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([
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
				zohoBillingNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: byId('TEAM-M'),
					updateFields: { quantity: 3 },
				}),
			],
			credentials: writeCredentials(zoho),
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
				zohoBillingNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: byId('PRO-M'),
					updateFields: { price: 42.5 },
				}),
			],
			credentials: writeCredentials(zoho),
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
				zohoBillingNode({
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
			credentials: writeCredentials(zoho),
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
				zohoBillingNode({
					resource: 'subscription',
					operation: 'update',
					subscriptionId: byId(subscriptionId),
					newPlan: { __rl: true, mode: 'list', value: 'NO-SUCH-PLAN' },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe('Zoho Billing error 2: Invalid value passed for plan_code');
	});

	it('Update with nothing to change, or a plan code that cannot be one, fails before calling Zoho', async () => {
		const run = async (parameters: Record<string, unknown>) =>
			(
				await runWorkflow({
					items: [{}],
					nodes: [
						zohoBillingNode({
							resource: 'subscription',
							operation: 'update',
							subscriptionId: byId(subscriptionId),
							...parameters,
						}),
					],
					credentials: writeCredentials(zoho),
				})
			).error(NODE)?.message;
		expect(await run({})).toBe(
			'Choose a New Plan, add a field to Update Fields, or choose Add-Ons: Replace With',
		);
		// An expression skips the panel's check (which refuses a typed "team monthly"); the node checks it.
		expect(await run({ newPlan: byId('={{ "team monthly" }}') })).toBe(
			'Plan Code must be a Zoho plan code such as basic-monthly, got "team monthly"',
		);
		expect(zohoApiCalls(zoho)).toEqual([]);
	});
});
