/**
 * What the node descriptions make n8n do, checked through n8n-core's real contexts rather than by
 * restating the descriptions.
 */
import { ZohoBillingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { zohoEvent } from '../fixtures';
import { webhookCredentials } from '../support/credentials';
import { deliverWebhook } from '../support/deliver-webhook';
import { signZohoWebhook } from '../support/zoho-webhook-signer';

const trigger = new ZohoBillingTrigger().description;

describe("the Zoho Billing Trigger's Events parameter", () => {
	const options = trigger.properties.find((property) => property.name === 'events')
		?.options as Array<{
		value: string;
	}>;
	const deliver = async (eventType: string, events: string[]) => {
		const raw = JSON.stringify({ ...zohoEvent('subscriptionCreated'), event_type: eventType });
		const signature = signZohoWebhook(raw);
		const { result } = await deliverWebhook({
			parameters: { authentication: 'secretToken', events },
			credentials: webhookCredentials(),
			body: raw,
			headers: { 'content-type': 'application/json', 'x-zoho-webhook-signature': signature },
		});
		return result.workflowData !== undefined;
	};

	it('starts the workflow for exactly the event type each option names', async () => {
		const typeOptions = options.filter((option) => option.value !== '*');
		expect(typeOptions.length).toBeGreaterThan(0);
		for (const [index, option] of typeOptions.entries()) {
			const other = typeOptions[(index + 1) % typeOptions.length].value;
			expect([option.value, await deliver(option.value, [option.value])]).toEqual([
				option.value,
				true,
			]);
			expect([option.value, await deliver(other, [option.value])]).toEqual([option.value, false]);
		}
	});

	it('lets every type through with its default, including types Zoho adds later', async () => {
		const events = trigger.properties.find((property) => property.name === 'events')
			?.default as string[];
		expect(await deliver('invoice_voided', events)).toBe(true);
		expect(await deliver('subscription_paused', events)).toBe(true);
	});
});

describe("the Zoho Billing Trigger's webhook", () => {
	it('holds no expression, which n8n would evaluate in its sandbox on every delivery', () => {
		expect(JSON.stringify(trigger.webhooks)).not.toContain('{{');
	});
});
