/**
 * Delivers one HTTP request to the Zoho Billing Trigger through n8n-core's own WebhookContext (the
 * object n8n's webhook server hands to `webhook()`), and runs its lifecycle methods through HookContext.
 * Only the Express request/response pair is faked. Test-only code.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type IWebhookData,
	type IWebhookResponseData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { ZohoBillingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE, credentialTypes, nodeTypes, testAdditionalData } from './run-workflow';

export interface FakeResponse {
	statusCode: number;
	body: unknown;
	ended: boolean;
}

export interface WebhookDelivery {
	parameters: Record<string, unknown>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	body: string | Buffer;
	headers?: Record<string, string>;
	/** Path and query of the request, as Zoho calls it. */
	url?: string;
	mode?: WorkflowExecuteMode;
	/**
	 * The body as n8n leaves it for a webhook node past version 1 when the Content-Type is not one its
	 * Webhook node parses: unread, with `readRawBody()` to read it (n8n's rawBodyReader).
	 */
	bodyUnread?: boolean;
}

const trigger = new ZohoBillingTrigger();

function setUp(
	parameters: Record<string, unknown>,
	credentials: Record<string, ICredentialDataDecryptedObject>,
) {
	const node: INode = {
		id: 'trigger',
		name: 'Zoho Billing Trigger',
		type: `${PACKAGE}.zohoBillingTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '7b0c6f7e-3c1b-4c52-9d1e-2f1f0c1a9e11',
		parameters: parameters as INode['parameters'],
		credentials: { zohoBillingWebhookApi: { id: '2', name: 'Zoho webhook secret' } },
	};
	const workflow = new Workflow({
		id: 'wf',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: {},
	});
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials);
	return { node, workflow, credentialsHelper };
}

function webhookData(node: INode, additionalData: unknown): IWebhookData {
	return {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: trigger.description.webhooks![0],
		workflowId: 'wf',
		workflowExecuteAdditionalData: additionalData,
	} as IWebhookData;
}

export async function deliverWebhook(
	delivery: WebhookDelivery,
): Promise<{ response: FakeResponse; result: IWebhookResponseData }> {
	const { node, workflow, credentialsHelper } = setUp(
		delivery.parameters,
		delivery.credentials ?? {},
	);
	const rawBody = Buffer.isBuffer(delivery.body) ? delivery.body : Buffer.from(delivery.body);
	const headers = Object.fromEntries(
		Object.entries(delivery.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
	);
	const url = delivery.url ?? `/webhook/${node.webhookId}/webhook`;
	const request = {
		method: 'POST',
		url,
		originalUrl: url,
		headers,
		rawBody: delivery.bodyUnread ? undefined : rawBody,
		readRawBody: async function (this: { rawBody?: Buffer }) {
			this.rawBody = rawBody;
		},
		body: {},
		query: {},
		params: {},
		header: (name: string) => headers[name.toLowerCase()],
	};
	const response: FakeResponse & Record<string, unknown> = {
		statusCode: 200,
		body: undefined,
		ended: false,
	};
	Object.assign(response, {
		status(code: number) {
			response.statusCode = code;
			return response;
		},
		json(body: unknown) {
			response.body = body;
			response.ended = true;
			return response;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return response;
		},
		end() {
			response.ended = true;
			return response;
		},
	});
	const additionalData = testAdditionalData(undefined, credentialsHelper, {
		httpRequest: request,
		httpResponse: response,
	});
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		delivery.mode ?? 'webhook',
		webhookData(node, additionalData),
		[],
		null,
	);
	const result = await trigger.webhook.call(context);
	return { response, result };
}

/** Runs a webhook lifecycle method the way n8n does when a workflow is published or unpublished. */
export async function runLifecycle(
	method: 'checkExists' | 'create' | 'delete',
	parameters: Record<string, unknown>,
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
): Promise<boolean> {
	const { node, workflow, credentialsHelper } = setUp(parameters, credentials);
	const additionalData = testAdditionalData(undefined, credentialsHelper);
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		webhookData(node, additionalData),
	);
	return await trigger.webhookMethods.default[method].call(context);
}
