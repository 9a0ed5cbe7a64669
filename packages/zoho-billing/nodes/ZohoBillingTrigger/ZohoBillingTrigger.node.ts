import {
	NodeConnectionTypes,
	NodeOperationError,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IHookFunctions,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { readmeSection } from '../../../../lib/docs-links';
import { untypedEventMessage } from '../../../../lib/zoho/custom-payload';
import { ALL_EVENT_TYPES, eventFilterVerdict } from '../../../../lib/zoho/event-types';
import { queryPairsOf } from '../../../../lib/zoho/webhook-body';
import { acceptZohoWebhook } from '../../../../lib/zoho/webhook-request';
import {
	INVALID_SECRET_TOKEN,
	ZOHO_SECRET_TOKEN_RULE,
	ZOHO_SIGNATURE_HEADER,
	isValidZohoSecretToken,
} from '../../../../lib/zoho/webhook-signature';
import { zohoEventsProperty } from '../../../../nodes/shared/zoho-billing/parameters';
import {
	readZohoWebhookPayload,
	zohoWebhookPayloadProperties,
	zohoWebhookSecret,
} from '../../../../nodes/shared/zoho-billing/webhook-payload';

/** The answer Zoho gets for an accepted delivery (Zoho only needs the 2xx; the body helps whoever debugs). */
const EVENT_RECEIVED = { code: 0, message: 'Event received' };

// Plain prose and one link: n8n's notice keeps links but strips line breaks and bold.
const SETUP_STEPS =
	'Zoho Billing has no API for registering webhooks, so add this one in Zoho once. ' +
	'In Zoho Billing go to Settings > Automation > Webhooks (in some accounts Settings > Automation > ' +
	'Workflow Actions, tab Webhooks) > New Webhook, choose the events, set the method to POST, ' +
	'paste the Production URL from "Webhook URLs" above (the Test URL while you test here) and keep ' +
	'the Default Payload (or set Payload below to Custom JSON). Tick "I want to secure this webhook" and use the same Secret Token ' +
	`(${ZOHO_SECRET_TOKEN_RULE}) as the credential below. Then publish this workflow. ` +
	"Zoho must reach that URL from the internet: if it starts with http://localhost, set n8n's " +
	'N8N_WEBHOOK_URL (formerly WEBHOOK_URL) to your public address, or use the Zoho Billing ' +
	'Polling Trigger instead. ' +
	`Step by step: <a href="${readmeSection('zoho-billing-trigger')}" target="_blank">the package's guide</a>.`;

export class ZohoBillingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Billing Trigger',
		name: 'zohoBillingTrigger',
		icon: {
			light: 'file:../../icons/zohoBilling.svg',
			dark: 'file:../../icons/zohoBilling.dark.svg',
		},
		group: ['trigger'],
		// 1.1 has the same parameters and behaviour as 1. n8n 2.40 takes every webhook node at version 1
		// for its legacy Webhook v1 and evaluates `$parameter["options"]["binaryData"]` per request in
		// its expression isolate (parseRequestBody in n8n's webhook-helpers), which is most of what a
		// delivery costs when N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE is on (docs/benchmarks.md).
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The Docs link in the node's panel. Set here, not only in the codex: n8n appends its utm query to
		// the codex link, after the #section, so GitHub would not scroll to it.
		documentationUrl: readmeSection('zoho-billing-trigger'),
		subtitle:
			'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when Zoho Billing sends a subscription, invoice, payment, card or credit note event',
		defaults: {
			name: 'Zoho Billing Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'zohoBillingWebhookApi',
				required: true,
				testedBy: 'zohoBillingWebhookSecretFormat',
				displayOptions: { show: { authentication: ['secretToken'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Zoho only needs a fast 2xx; the workflow runs after the answer is sent.
				responseMode: 'onReceived',
				// Empty on purpose: n8n then answers with the `webhookResponse` that webhook() returns. Left
				// out, n8n 2.x answers with the literal text "firstEntryJson"; an expression here would be
				// evaluated in n8n's expression sandbox twice per delivery (about 12 % of n8n's CPU under load).
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: SETUP_STEPS,
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Secret Token (Signature)',
						value: 'secretToken',
						description: 'Reject requests without a valid X-Zoho-Webhook-Signature (recommended)',
					},
					{
						name: 'None',
						value: 'none',
						description: 'Accept any request sent to the webhook URL',
					},
				],
				default: 'secretToken',
			},
			zohoEventsProperty(
				'Events that start the workflow. Others are answered with 200 and ignored, so also limit the events in Zoho to save calls. A body without an event type is answered 400 unless this is All Events.',
			),
			...zohoWebhookPayloadProperties(),
		],
	};

	methods = {
		credentialTest: {
			// Zoho offers nothing to test a webhook secret against, so the check is that Zoho would accept it.
			async zohoBillingWebhookSecretFormat(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secretToken ?? '');
				return isValidZohoSecretToken(secret)
					? { status: 'OK', message: 'The secret token has the form Zoho requires' }
					: { status: 'Error', message: INVALID_SECRET_TOKEN };
			},
		},
	};

	// Zoho Billing offers no API to create, list or delete webhooks: the user registers the URL in Zoho's
	// settings by hand (see the notice above). These methods therefore touch nothing remote. They exist
	// because n8n calls them when the workflow is published and unpublished.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Nothing can be checked remotely; report "not registered by n8n" so create() runs its checks.
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				// Catch a badly formed secret when the workflow is published, not on the first webhook.
				if (this.getNodeParameter('authentication', 'secretToken') === 'secretToken') {
					const secret = zohoWebhookSecret(
						this.getNode(),
						await this.getCredentials('zohoBillingWebhookApi'),
					);
					if (!isValidZohoSecretToken(secret)) {
						throw new NodeOperationError(this.getNode(), INVALID_SECRET_TOKEN);
					}
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Nothing to remove in Zoho; the webhook entry in Zoho's settings stays until the user deletes it.
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const reject = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ code: status, message });
			return { noWebhookResponse: true };
		};

		// Past node version 1, n8n 2.40 reads a body before the trigger runs only for the types its own
		// Webhook node parses (JSON, text, forms, XML). The rest (text/json, +json types, no Content-Type,
		// and the types refused with 415 below) is read here, so 1 and 1.1 see the same bytes. Multipart
		// bodies were consumed by n8n's form parser; they stay unread and are refused as before.
		const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
		if (
			request.rawBody === undefined &&
			typeof request.readRawBody === 'function' &&
			!contentType.startsWith('multipart/')
		) {
			try {
				await request.readRawBody();
			} catch {
				return reject(400, 'The request body could not be read');
			}
		}

		// Nothing in the body is interpreted before its signature is verified (lib/zoho/webhook-request.ts).
		let secret: string | null = null;
		if (this.getNodeParameter('authentication', 'secretToken') === 'secretToken') {
			secret = zohoWebhookSecret(
				this.getNode(),
				await this.getCredentials('zohoBillingWebhookApi'),
			);
		}
		let payload;
		try {
			payload = readZohoWebhookPayload((name, fallback) => this.getNodeParameter(name, fallback));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		const accepted = acceptZohoWebhook(
			{
				rawBody: request.rawBody,
				contentType: request.headers['content-type'],
				signature: request.headers[ZOHO_SIGNATURE_HEADER],
				query: queryPairsOf(request.originalUrl ?? request.url ?? ''),
			},
			secret,
			payload,
		);
		if (!accepted.ok) return reject(accepted.status, accepted.message);

		const events = this.getNodeParameter('events', [ALL_EVENT_TYPES]) as string[];
		const verdict = eventFilterVerdict(accepted.event.event_type, events);
		if (verdict === 'untyped') {
			// The filter cannot decide: refused, so the failed delivery shows in Zoho's log.
			return reject(
				400,
				untypedEventMessage(payload.kind === 'custom' ? payload.eventTypeField : 'event_type'),
			);
		}
		if (verdict === 'other') {
			// Not an event this workflow wants: acknowledge so Zoho does not mark the delivery failed.
			return { webhookResponse: { code: 0, message: 'Event ignored by filter' } };
		}

		return {
			workflowData: [this.helpers.returnJsonArray([accepted.event as IDataObject])],
			webhookResponse: EVENT_RECEIVED,
		};
	}
}
