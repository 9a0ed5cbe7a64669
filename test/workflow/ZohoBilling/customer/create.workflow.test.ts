/**
 * Zoho Billing node, Customer > Create, in n8n-core's WorkflowExecute.
 * The Zoho Billing stand-in answers as Zoho's Billing OpenAPI documents the call: path, method,
 * required fields, allowed statuses, messages, and the scope it needs.
 */
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { writeCredentials, zohoAccount, zohoApiCalls } from '../../../support/zoho-account';

const zoho = zohoAccount();

describe('Customer > Create', () => {
	it('Create posts the documented body, custom fields by label, and outputs the new customer', async () => {
		const { output } = await runWorkflow({
			items: [{ name: 'Rui Costa', email: 'rui@example.com' }],
			nodes: [
				zohoBillingNode({
					resource: 'customer',
					operation: 'create',
					displayName: '={{ $json.name }}',
					email: '={{ $json.email }}',
					additionalFields: { firstName: 'Rui', companyName: 'Costa Lda', currencyCode: 'EUR' },
					customFields: { field: [{ name: 'Tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(zohoApiCalls(zoho)).toEqual(['POST /billing/v1/customers']);
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
				zohoBillingNode({
					resource: 'customer',
					operation: 'create',
					displayName: 'Rui',
					email: 'rui@example.com',
					customFields: { field: [{ name: 'cf_tier', value: 'gold' }] },
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toMatch(
			/^Custom field cf_tier: Zoho Billing takes custom fields by their label when writing, and a new customer has no fields to look this API name up in\. Enter the field's label/,
		);
		expect(zohoApiCalls(zoho)).toEqual([]);
	});

	it('Create refuses a malformed email, naming the field, and calls nothing', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				zohoBillingNode({
					resource: 'customer',
					operation: 'create',
					displayName: 'Rui',
					email: 'rui-at-example',
				}),
			],
			credentials: writeCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Email must be an email address such as name@example.com, got "rui-at-example"',
		);
		expect(zohoApiCalls(zoho)).toEqual([]);
	});
});
