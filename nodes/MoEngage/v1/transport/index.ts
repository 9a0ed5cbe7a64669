import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../lib/http/retry-policy';
import { moEngageFailureOf } from '../../../../lib/moengage/api-response';
import { moEngageBaseUrl } from '../../../../lib/moengage/data-centers';
import { requestWithRetries } from '../../../shared/request-with-retries';

export const MOENGAGE_CREDENTIAL_TYPE = 'moEngageApi';

/** MoEngage's advice: retry 5xx every few seconds, up to 5 times; on 429 wait for the window. */
export const MOENGAGE_DEFAULT_MAX_RETRIES = 5;
export const MOENGAGE_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	maxRetries: MOENGAGE_DEFAULT_MAX_RETRIES,
	baseDelayMs: 1000,
};
/** The most retries the node allows: with exponential backoff capped at 30 s, more would stall a run for minutes. */
export const MAX_RETRIES_LIMIT = 10;
/** A stalled MoEngage answer must not hang the execution forever; the attempt is retried instead. */
export const MOENGAGE_DEFAULT_TIMEOUT_MS = 30_000;
/** Options > Timeout accepts 1 s to 1 h. */
export const MOENGAGE_TIMEOUT_LIMITS_MS = { min: 1000, max: 3_600_000 } as const;

/** How each request of one node run is sent (Options > Retries and Timeout). */
export interface MoEngageSendSettings {
	policy: RetryPolicy;
	timeoutMs: number;
}

export const DEFAULT_SEND_SETTINGS: MoEngageSendSettings = {
	policy: MOENGAGE_RETRY_POLICY,
	timeoutMs: MOENGAGE_DEFAULT_TIMEOUT_MS,
};

/** The Data API endpoints this node calls; the workspace ID is appended to each. */
export type MoEngageEndpoint = '/customer' | '/event' | '/transition';

interface MoEngageCredentials {
	workspaceId: string;
	dataCenter: string;
	customBaseUrl?: string;
	[key: string]: unknown;
}

/**
 * POSTs to a MoEngage Data API endpoint with the credential's Basic auth, retrying 429 (honouring
 * `x-ratelimit-reset`) and 5xx. MoEngage's `status` field decides success, not the HTTP code.
 * `body` may be a pre-serialized string, so that Bulk Import sizes are exact.
 */
export async function moEngageApiRequest(
	this: IExecuteFunctions,
	endpoint: MoEngageEndpoint,
	body: string | IDataObject,
	itemIndex: number,
	settings: MoEngageSendSettings = DEFAULT_SEND_SETTINGS,
): Promise<IDataObject> {
	const credentials = await this.getCredentials<MoEngageCredentials>(
		MOENGAGE_CREDENTIAL_TYPE,
		itemIndex,
	);
	const workspaceId = String(credentials.workspaceId ?? '').trim();
	if (workspaceId === '') {
		throw new NodeOperationError(this.getNode(), 'The MoEngage credential has no Workspace ID', {
			itemIndex,
		});
	}
	let baseUrl: string;
	try {
		baseUrl = moEngageBaseUrl(credentials.dataCenter, credentials.customBaseUrl);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
	}

	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}${endpoint}/${encodeURIComponent(workspaceId)}`,
		body,
		json: true,
		headers: { 'Content-Type': 'application/json' },
		timeout: settings.timeoutMs,
	};
	// The credential was just loaded for the URL; n8n signs the request with the same one instead of
	// loading and decrypting it again (on a real n8n, a database read per request).
	const selected = this.getNode().credentials?.[MOENGAGE_CREDENTIAL_TYPE];
	const credentialsDecrypted = {
		id: selected?.id ?? '',
		name: selected?.name ?? '',
		type: MOENGAGE_CREDENTIAL_TYPE,
		data: credentials as ICredentialDataDecryptedObject,
	};
	const response = await requestWithRetries(
		this,
		MOENGAGE_CREDENTIAL_TYPE,
		options,
		settings.policy,
		itemIndex,
		(failure, attempts) =>
			moEngageApiError(this, failure.body, failure.status, itemIndex, attempts),
		{ credentialsDecrypted },
	);
	if (moEngageFailureOf(response)) throw moEngageApiError(this, response, 200, itemIndex, 1);
	return response as IDataObject;
}

/**
 * An error with MoEngage's own type, message and request ID, and nothing else: the failed request
 * (whose Authorization header carries the Data API key) is deliberately not attached.
 */
function moEngageApiError(
	context: IExecuteFunctions,
	body: unknown,
	status: number | undefined,
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const failure = moEngageFailureOf(body) ?? { type: 'Error', message: 'MoEngage request failed' };
	const statusText = status === undefined ? 'no response' : `HTTP ${status}`;
	const details = [
		statusText,
		failure.requestId ? `request ID ${failure.requestId}` : undefined,
		failure.attribute ? `attribute ${failure.attribute}` : undefined,
		attempts > 1 ? `gave up after ${attempts} attempts` : undefined,
	].filter(Boolean);
	return new NodeApiError(
		context.getNode(),
		{ type: failure.type, message: failure.message } as JsonObject,
		{
			message: `MoEngage ${failure.type}: ${failure.message}`,
			description: `${details.join(', ')}.`,
			httpCode: status === undefined ? undefined : String(status),
			itemIndex,
		},
	);
}
