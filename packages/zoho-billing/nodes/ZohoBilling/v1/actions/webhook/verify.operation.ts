import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

import { isPlainObject } from '../../../../../../../lib/json';
import {
	acceptZohoWebhook,
	type AcceptedZohoWebhook,
} from '../../../../../../../lib/zoho/webhook-request';
import {
	ZOHO_SIGNATURE_HEADER,
	type KeyValuePairs,
} from '../../../../../../../lib/zoho/webhook-signature';
import {
	readZohoWebhookPayload,
	zohoWebhookPayloadProperties,
	zohoWebhookSecret,
} from '../../../../../../../nodes/shared/zoho-billing/webhook-payload';
import { eachItem } from '../../../../../../../nodes/shared/operations';

// Why this operation exists beside the Zoho Billing Trigger: n8n 2.40 runs every trigger but its own
// Webhook node with an expression isolate per request, which halves what one n8n can ingest
// (docs/benchmarks.md, benchmark 3). After a Webhook node, the same checks cost no second isolate.
const SETUP_NOTICE =
	"Put this after n8n's Webhook node (HTTP Method POST, Options > Raw Body on): the signature covers " +
	'the exact bytes Zoho sent. The Webhook node answers before this runs; to answer a forged request ' +
	"with 401, set the Webhook's Respond to \"Using 'Respond to Webhook' Node\" and send this node's " +
	'error output (Settings > On Error) to a Respond to Webhook node.';

export const option = {
	name: 'Verify',
	description:
		"Check the Zoho signature of a webhook received by n8n's Webhook node and output its event",
	action: 'Verify a webhook',
};

export const properties: INodeProperties[] = [
	{
		displayName: SETUP_NOTICE,
		name: 'verifyNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the raw body',
		description:
			'The binary field with the request body exactly as received: the Webhook node\'s Raw Body option puts it in "data"',
	},
	...zohoWebhookPayloadProperties(),
];

/** What each refusal means for someone reading the error in the editor. */
const WHY_REFUSED: Record<Exclude<AcceptedZohoWebhook, { ok: true }>['status'], string> = {
	401: 'The request was not signed with the Secret Token of the Zoho Billing Webhook API credential: it may be forged, or the token differs from the one entered in Zoho.',
	400: 'The body does not hold what the Payload setting expects: a Zoho Billing event (Default Payload), or text at the event type and ID fields (Custom JSON).',
	415: 'Zoho sends JSON or form data only.',
};

async function run(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const item = this.getInputData()[itemIndex];
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	if (!item.binary?.[binaryPropertyName]) {
		throw new NodeOperationError(
			this.getNode(),
			`No raw body in the input binary field "${binaryPropertyName}"`,
			{
				itemIndex,
				description:
					"Turn on Options > Raw Body in the Webhook node before this one, or set Input Binary Field to the field that holds the request's raw body.",
			},
		);
	}
	const rawBody = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const headers = headersOf(item.json);
	const secretToken = zohoWebhookSecret(
		this.getNode(),
		await this.getCredentials('zohoBillingWebhookApi', itemIndex),
		itemIndex,
	);

	let payload;
	try {
		payload = readZohoWebhookPayload((name, fallback) =>
			this.getNodeParameter(name, itemIndex, fallback),
		);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	const accepted = acceptZohoWebhook(
		{
			rawBody,
			contentType:
				stringHeader(headers['content-type']) ?? item.binary[binaryPropertyName].mimeType,
			signature: stringHeader(headers[ZOHO_SIGNATURE_HEADER]),
			query: queryOf(this, item.json.query, itemIndex),
		},
		secretToken ?? '',
		payload,
	);
	if (!accepted.ok) {
		throw new NodeOperationError(this.getNode(), accepted.message, {
			itemIndex,
			description: WHY_REFUSED[accepted.status],
		});
	}
	return [accepted.event as IDataObject];
}

/** The request headers as the Webhook node outputs them, with names in lower case as Node.js gives them. */
function headersOf(json: IDataObject): Record<string, unknown> {
	if (!isPlainObject(json.headers)) return {};
	return Object.fromEntries(
		Object.entries(json.headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function stringHeader(value: unknown): string | undefined {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

/** The Webhook node's `query`: names with a text value or a list of them, as Zoho signs them. */
function queryOf(context: IExecuteFunctions, query: unknown, itemIndex: number): KeyValuePairs {
	if (query === undefined || query === null) return {};
	const pairs: KeyValuePairs = {};
	const valid =
		isPlainObject(query) &&
		Object.entries(query).every(([name, value]) => {
			if (typeof value === 'string') pairs[name] = value;
			else if (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
				pairs[name] = value as string[];
			else return false;
			return true;
		});
	if (!valid) {
		throw new NodeOperationError(
			context.getNode(),
			'The input field "query" must hold the request\'s query parameters as text values',
			{
				itemIndex,
				description:
					'Connect this node directly after the Webhook node, whose output has "headers", "query" and the raw body.',
			},
		);
	}
	return pairs;
}

export const execute = eachItem(run);
