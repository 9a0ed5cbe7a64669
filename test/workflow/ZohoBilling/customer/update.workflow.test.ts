/**
 * Zoho Billing node, Customer > Update, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { zohoRecord } from '../../../fixtures';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { PACKAGE, nodeTypes, runWorkflow } from '../../../support/run-workflow';
import { byId, writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Customer > Update', () => {
	it('Update reads the customer, then puts its name and email with the changes and sets custom fields by their label', async () => {
		const customerId = zohoRecord('customer').customer_id;
		const { output } = await runWorkflow({
			items: [{ id: customerId }],
			nodes: [
				zohoBillingNode({
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
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual([
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
				zohoBillingNode({
					resource: 'customer',
					operation: 'update',
					customerId: byId(customerId),
					customFields: { field: [{ name: 'cf_tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toContain(
			'Custom field cf_tier: Zoho Billing takes custom fields by their label when writing, and the customer Zoho returned shows no field with this API name',
		);
		expect(zohoApiCalls(zoho)).toEqual([`GET /billing/v1/customers/${customerId}`]);
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
				zohoBillingNode({
					resource: 'customer',
					operation: 'update',
					customerId: byId('2000000061001'),
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe('Add at least one field to Update Fields or Custom Fields');
		expect(zohoApiCalls(zoho)).toEqual([]);
	});
});
