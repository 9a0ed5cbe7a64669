import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../lib/http/retry-policy';
import { zohoErrorOf } from '../../../../lib/zoho/api-response';
import { zohoBillingBaseUrl } from '../../../../lib/zoho/data-centers';
import { requestWithRetries } from '../../../shared/request-with-retries';

export const ZOHO_CREDENTIAL_TYPE = 'zohoBillingOAuth2Api';

/** Zoho's organization header keeps its old "subscriptions" name on Zoho Billing. */
export const ZOHO_ORGANIZATION_HEADER = 'X-com-zoho-subscriptions-organizationid';

/** Zoho allows about 100 calls a minute per organization; back off generously but never for long. */
export const ZOHO_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	maxRetries: 4,
	baseDelayMs: 1000,
};
/** A Zoho answer that stalls must not hang the execution; the attempt fails and is retried. */
export const ZOHO_REQUEST_TIMEOUT_MS = 60_000;

interface ZohoCredentials {
	dataCenter: string;
	organizationId: string;
	oauthTokenData?: { api_domain?: string };
}

export interface ZohoRequest {
	method: IHttpRequestMethods;
	/** Path under `/billing/v1`, e.g. `/events`. */
	path: string;
	qs?: IDataObject;
}

interface ZohoConnection {
	organizationId: string;
	baseUrl: string;
}

/**
 * Organization ID and API base URL from the credential, read once per node run and item: Get Many
 * with payloads makes thousands of calls for one item, and on a real n8n each credential load is a
 * database read (n8n's OAuth2 layer loads the credential once more per call, which a node cannot avoid).
 */
const connections = new WeakMap<IExecuteFunctions, Map<number, Promise<ZohoConnection>>>();

async function zohoConnection(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<ZohoConnection> {
	let perItem = connections.get(context);
	if (!perItem) connections.set(context, (perItem = new Map()));
	let connection = perItem.get(itemIndex);
	if (!connection) {
		connection = readZohoConnection(context, itemIndex);
		perItem.set(itemIndex, connection);
	}
	return await connection;
}

async function readZohoConnection(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<ZohoConnection> {
	const credentials = await context.getCredentials<ZohoCredentials>(
		ZOHO_CREDENTIAL_TYPE,
		itemIndex,
	);
	const organizationId = String(credentials.organizationId ?? '').trim();
	if (organizationId === '') {
		throw new NodeOperationError(
			context.getNode(),
			'The Zoho Billing credential has no Organization ID',
			{
				itemIndex,
				description:
					'Enter your organization ID (Zoho Billing > Settings > Organization Profile) in the credential',
			},
		);
	}
	try {
		return {
			organizationId,
			baseUrl: zohoBillingBaseUrl(credentials.dataCenter, credentials.oauthTokenData?.api_domain),
		};
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
	}
}

/**
 * Calls the Zoho Billing API for one input item: authenticated through n8n's OAuth2 (which refreshes
 * an expired token on 401), with the organization header, retrying 429 and 5xx. Zoho's own `code` is
 * checked on every answer, since some errors arrive with HTTP 200.
 */
export async function zohoBillingApiRequest(
	this: IExecuteFunctions,
	request: ZohoRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const { organizationId, baseUrl } = await zohoConnection(this, itemIndex);
	const url = baseUrl + request.path;

	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		json: true,
		headers: { [ZOHO_ORGANIZATION_HEADER]: organizationId, Accept: 'application/json' },
		timeout: ZOHO_REQUEST_TIMEOUT_MS,
	};

	const body = await requestWithRetries(
		this,
		ZOHO_CREDENTIAL_TYPE,
		options,
		ZOHO_RETRY_POLICY,
		itemIndex,
		(failure, attempts) => zohoApiError(this, failure.body, failure.status, itemIndex, attempts),
	);

	if (zohoErrorOf(body)) throw zohoApiError(this, body, 200, itemIndex, 1);
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new NodeApiError(this.getNode(), { message: 'Unexpected response' } as JsonObject, {
			message: 'Zoho Billing returned a response that is not a JSON object',
			itemIndex,
		});
	}
	return body as IDataObject;
}

/**
 * An error that carries Zoho's own message and code, and only those: the failed request (with its
 * Authorization header) is deliberately not attached, so the token cannot leak into output or logs.
 */
function zohoApiError(
	context: IExecuteFunctions,
	body: unknown,
	status: number | undefined,
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const details = zohoErrorOf(body);
	const statusText = status === undefined ? 'no response' : `HTTP ${status}`;
	const message = details
		? `Zoho Billing error ${details.code}: ${details.message}`
		: `Zoho Billing request failed (${statusText})`;
	const retried = attempts > 1 ? ` Gave up after ${attempts} attempts.` : '';
	return new NodeApiError(
		context.getNode(),
		{ code: details?.code ?? '', message: details?.message ?? statusText } as JsonObject,
		{
			message,
			description: `${statusText}.${retried}`,
			httpCode: status === undefined ? undefined : String(status),
			itemIndex,
		},
	);
}
