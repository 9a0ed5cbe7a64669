import type { IDataObject, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	type Repeatability,
	type RetryPolicy,
} from '../../../lib/http/retry-policy';
import { moEngageFailureOf } from '../../../lib/moengage/api-response';
import { MOENGAGE_BASE_URL } from '../../../lib/moengage/data-centers';
import {
	CredentialProblem,
	connectionFor,
	type ServiceCredential,
	requestWithRetries,
	serviceApiError,
	type ApiContext,
} from '../transport';

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

/**
 * The Data API endpoints this node calls. Track User, Track Event and Bulk Import take the workspace
 * ID in the path; Delete Users and Merge Users as `?app_id=` (api/data/data.yaml).
 */
export type MoEngageEndpoint =
	| '/customer'
	| '/event'
	| '/transition'
	| '/customer/delete'
	| '/customer/merge';

const WORKSPACE_IN_QUERY: ReadonlySet<MoEngageEndpoint> = new Set([
	'/customer/delete',
	'/customer/merge',
]);

/** The MoEngage credential as the client opens it. */
const MOENGAGE_CREDENTIAL: ServiceCredential<{ workspaceId: string }> = {
	type: 'moEngageApi',
	displayName: 'MoEngage API',
	baseUrl: MOENGAGE_BASE_URL,
	open(credentials) {
		const workspaceId = String(credentials.workspaceId ?? '').trim();
		if (workspaceId === '')
			throw new CredentialProblem('The MoEngage credential has no Workspace ID');
		return { workspaceId };
	},
};

/** Errors of requests that may have been recorded although they failed (see `moEngageApiRequest`). */
const uncertainFailures = new WeakSet<Error>();

/**
 * Whether a failed request may still have reached MoEngage: a once-only request (one holding
 * events) that timed out, lost its connection or got a 5xx other than 503.
 */
export function mayHaveReachedMoEngage(error: unknown): boolean {
	return error instanceof Error && uncertainFailures.has(error);
}

/**
 * POSTs to a MoEngage Data API endpoint with the credential's Basic auth. MoEngage's `status` field
 * decides success, not the HTTP code. `body` may be a pre-serialized string, so that Bulk Import
 * sizes are exact.
 *
 * Retries: a `repeatable` request (user updates only) on 429 (honouring `x-ratelimit-reset`), 5xx and
 * network failures. A request holding events is `once`: MoEngage keeps no idempotency key and events
 * cannot be deleted, so a repeat of a request that did arrive records its events twice. It is sent
 * again only where it surely did not arrive (lib/http/retry-policy.ts); otherwise its error says it
 * may have been recorded (`mayHaveReachedMoEngage`).
 */
export async function moEngageApiRequest(
	this: ApiContext,
	endpoint: MoEngageEndpoint,
	body: string | IDataObject,
	itemIndex: number,
	settings: MoEngageSendSettings,
	repeatability: Repeatability = 'repeatable',
): Promise<IDataObject> {
	const { baseUrl, workspaceId, credentials } = await connectionFor(
		this,
		MOENGAGE_CREDENTIAL,
		itemIndex,
	);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: WORKSPACE_IN_QUERY.has(endpoint)
			? `${baseUrl}${endpoint}?app_id=${encodeURIComponent(workspaceId)}`
			: `${baseUrl}${endpoint}/${encodeURIComponent(workspaceId)}`,
		body,
		json: true,
		headers: { 'Content-Type': 'application/json' },
		timeout: settings.timeoutMs,
	};
	// The credential is already loaded; n8n signs the request with it instead of loading and
	// decrypting it again (on a real n8n, a database read per request).
	const selected = this.getNode().credentials?.[MOENGAGE_CREDENTIAL.type];
	const credentialsDecrypted = {
		id: selected?.id ?? '',
		name: selected?.name ?? '',
		type: MOENGAGE_CREDENTIAL.type,
		data: credentials,
	};
	const response = await requestWithRetries(
		this,
		MOENGAGE_CREDENTIAL.type,
		options,
		settings.policy,
		itemIndex,
		(failure, attempts, mayHaveArrived) => {
			const error = moEngageApiError(this, failure.body, failure.status, itemIndex, attempts, {
				mayHaveArrived,
				code: failure.code,
				endpoint,
			});
			if (mayHaveArrived) uncertainFailures.add(error);
			return error;
		},
		{ credentialsDecrypted },
		repeatability,
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
	uncertain: { mayHaveArrived: boolean; code?: string; endpoint?: MoEngageEndpoint } = {
		mayHaveArrived: false,
	},
): NodeApiError {
	const failure =
		status === undefined
			? { type: 'Error', message: 'no answer' }
			: (moEngageFailureOf(body) ?? { type: 'Error', message: 'MoEngage request failed' });
	return serviceApiError(context, {
		message: `MoEngage ${failure.type}: ${failure.message}`,
		response: { type: failure.type, message: failure.message },
		status,
		attempts,
		details: [
			status === undefined && uncertain.code ? uncertain.code : undefined,
			failure.requestId ? `request ID ${failure.requestId}` : undefined,
			failure.attribute ? `attribute ${failure.attribute}` : undefined,
			uncertain.mayHaveArrived
				? uncertain.endpoint === '/customer/delete' || uncertain.endpoint === '/customer/merge'
					? 'not sent again: MoEngage may already have carried it out (it keeps no idempotency key). Check the user in MoEngage before running this item again'
					: 'not sent again: MoEngage may already have recorded its events, and a repeat would record them twice (MoEngage has no idempotency key). Check the user in MoEngage before running this item again'
				: undefined,
		],
		itemIndex,
	});
}
