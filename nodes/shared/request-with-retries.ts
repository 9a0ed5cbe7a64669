import {
	NodeOperationError,
	sleep,
	type IAdditionalCredentialOptions,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type NodeApiError,
} from 'n8n-workflow';

import type { RetryPolicy } from '../../lib/http/retry-policy';
import { httpFailureOf, withRetries, type HttpFailure } from '../../lib/http/with-retries';

/**
 * One authenticated call through n8n (which also refreshes OAuth2 tokens), retried per `policy`.
 * A final HTTP failure becomes the service's own error via `toApiError`, built from the response body
 * only, so the failed request and its credentials never end up in an error. `credentialOptions` can
 * hand n8n a credential the node has already loaded (n8n would otherwise load and decrypt it again).
 */
export async function requestWithRetries(
	context: IExecuteFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
	policy: RetryPolicy,
	itemIndex: number,
	toApiError: (failure: HttpFailure, attempts: number) => NodeApiError,
	credentialOptions?: IAdditionalCredentialOptions,
): Promise<unknown> {
	const outcome = await withRetries(
		async () =>
			await context.helpers.httpRequestWithAuthentication.call(
				context,
				credentialType,
				options,
				credentialOptions,
			),
		{ policy, failureOf: httpFailureOf, sleep },
	);
	if (outcome.ok) return outcome.value;
	if (outcome.failure) throw toApiError(outcome.failure, outcome.attempts);
	// Not an HTTP answer (e.g. an OAuth2 credential that is not connected): keep n8n's own message.
	throw new NodeOperationError(context.getNode(), outcome.error as Error, { itemIndex });
}
