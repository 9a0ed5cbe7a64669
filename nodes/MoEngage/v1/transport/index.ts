import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	NodeApiError,
} from 'n8n-workflow';

import { resolveBaseUrl } from '../../../../lib/base-url-rule';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../lib/http/retry-policy';
import { moEngageFailureOf } from '../../../../lib/moengage/api-response';
import { MOENGAGE_BASE_URL } from '../../../../lib/moengage/data-centers';
import {
	CredentialProblem,
	connectionFor,
	requestWithRetries,
	serviceApiError,
	type ApiContext,
} from '../../../shared/transport';

const MOENGAGE_CREDENTIAL_TYPE = 'moEngageApi';

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

/** The Data API endpoints this node calls; the workspace ID is appended to each. */
export type MoEngageEndpoint = '/customer' | '/event' | '/transition';

interface MoEngageConnection {
	baseUrl: string;
	workspaceId: string;
	credentials: ICredentialDataDecryptedObject;
}

function openMoEngageConnection(credentials: ICredentialDataDecryptedObject): MoEngageConnection {
	const workspaceId = String(credentials.workspaceId ?? '').trim();
	if (workspaceId === '')
		throw new CredentialProblem('The MoEngage credential has no Workspace ID');
	return { baseUrl: resolveBaseUrl(MOENGAGE_BASE_URL, credentials), workspaceId, credentials };
}

/**
 * POSTs to a MoEngage Data API endpoint with the credential's Basic auth, retrying 429 (honouring
 * `x-ratelimit-reset`) and 5xx. MoEngage's `status` field decides success, not the HTTP code.
 * `body` may be a pre-serialized string, so that Bulk Import sizes are exact.
 */
export async function moEngageApiRequest(
	this: ApiContext,
	endpoint: MoEngageEndpoint,
	body: string | IDataObject,
	itemIndex: number,
	settings: MoEngageSendSettings,
): Promise<IDataObject> {
	const { baseUrl, workspaceId, credentials } = await connectionFor(
		this,
		MOENGAGE_CREDENTIAL_TYPE,
		itemIndex,
		openMoEngageConnection,
	);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}${endpoint}/${encodeURIComponent(workspaceId)}`,
		body,
		json: true,
		headers: { 'Content-Type': 'application/json' },
		timeout: settings.timeoutMs,
	};
	// The credential is already loaded; n8n signs the request with it instead of loading and
	// decrypting it again (on a real n8n, a database read per request).
	const selected = this.getNode().credentials?.[MOENGAGE_CREDENTIAL_TYPE];
	const credentialsDecrypted = {
		id: selected?.id ?? '',
		name: selected?.name ?? '',
		type: MOENGAGE_CREDENTIAL_TYPE,
		data: credentials,
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

/** MoEngage's own type, message and request ID, and only those (see `serviceApiError`). */
function moEngageApiError(
	context: ApiContext,
	body: unknown,
	status: number | undefined,
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const failure = moEngageFailureOf(body) ?? { type: 'Error', message: 'MoEngage request failed' };
	return serviceApiError(context, {
		message: `MoEngage ${failure.type}: ${failure.message}`,
		response: { type: failure.type, message: failure.message },
		status,
		attempts,
		details: [
			failure.requestId ? `request ID ${failure.requestId}` : undefined,
			failure.attribute ? `attribute ${failure.attribute}` : undefined,
		],
		itemIndex,
	});
}
