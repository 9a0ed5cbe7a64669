// @ts-check
/**
 * The floors for benchmark 2: the cheapest webhook trigger a community package can have. It answers at
 * once and passes the parsed body on: no signature, no parsing of its own. With "Load Credential" on,
 * it also loads the Zoho Billing webhook credential per request, as any trigger that checks a secret
 * must, and does nothing with it. n8n loads it from N8N_CUSTOM_EXTENSIONS as `CUSTOM.floorTrigger`, so
 * it takes the path n8n gives every trigger that is not its own Webhook node. Whatever it costs over
 * the Webhook node is n8n's; whatever the Zoho Billing Trigger costs over it is this package's own work.
 * Benchmark-only, never packed (JavaScript so n8n can load it without a build step).
 */
class FloorTrigger {
	constructor() {
		/** @type {import('n8n-workflow').INodeTypeDescription} */
		this.description = {
			displayName: 'Floor Trigger',
			name: 'floorTrigger',
			group: ['trigger'],
			// As the Zoho Billing Trigger: n8n evaluates an expression per request for webhook nodes at
			// version 1 only (see its description), so the cheapest trigger is at 1.1.
			version: [1, 1.1],
			defaultVersion: 1.1,
			description: 'Benchmark-only: starts a run with the request body',
			defaults: { name: 'Floor Trigger' },
			inputs: [],
			outputs: [/** @type {import('n8n-workflow').NodeConnectionType} */ ('main')],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			],
			credentials: [{ name: 'zohoBillingWebhookApi', required: false }],
			properties: [
				{ displayName: 'Load Credential', name: 'loadCredential', type: 'boolean', default: false },
			],
		};
	}

	/** @this {import('n8n-workflow').IWebhookFunctions} */
	async webhook() {
		if (this.getNodeParameter('loadCredential', false))
			await this.getCredentials('zohoBillingWebhookApi');
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { FloorTrigger };
