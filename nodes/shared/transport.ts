import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IAdditionalCredentialOptions,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { resolveBaseUrl, type BaseUrlRule } from '../../lib/base-url-rule';
import type { Repeatability, RetryPolicy } from '../../lib/http/retry-policy';
import { otherReleaseProblem } from '../../lib/release';
import { httpFailureOf, withRetries, type HttpFailure } from '../../lib/http/with-retries';

/**
 * What the two services' transports share: reading the credential once per node run and item, one
 * authenticated call retried per policy, and errors that carry the service's own words and nothing
 * of the request (whose headers hold the credentials).
 */

/** The n8n contexts that call the services: node runs, polls and the editor's option lists. */
export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** A credential that cannot be used, with a hint on what to change. */
export class CredentialProblem extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
	}
}

const connections = new WeakMap<ApiContext, Map<string, Promise<unknown>>>();

/** A service's credential as its transport opens it. */
export interface ServiceCredential<T> {
	/** The credential type's name (`zohoBillingOAuth2Api`). */
	type: string;
	/** Its name in n8n's credential list, for the error when it is of another release. */
	displayName: string;
	baseUrl: BaseUrlRule;
	/** The service's own fields of the connection; throws `CredentialProblem` to refuse the credential. */
	open(credentials: ICredentialDataDecryptedObject): T;
}

/** An opened connection: the service's own fields, the base URL and the credential's data. */
export type Connection<T> = T & { baseUrl: string; credentials: ICredentialDataDecryptedObject };

/**
 * What a transport derives from its credential (base URL, organization, …), read once per node run
 * and item: Get Many with payloads makes thousands of calls for one item, and on a real n8n each
 * credential load is a database read. A credential of another release of this package (n8n keeps one
 * definition per type: lib/release.ts), or one `open` refuses, fails the item with that message.
 */
export async function connectionFor<T>(
	context: ApiContext,
	service: ServiceCredential<T>,
	itemIndex: number,
): Promise<Connection<T>> {
	let cache = connections.get(context);
	if (!cache) connections.set(context, (cache = new Map()));
	const key = `${service.type}#${itemIndex}`;
	let connection = cache.get(key) as Promise<Connection<T>> | undefined;
	if (!connection) {
		connection = (async () => {
			const credentials = await context.getCredentials(service.type, itemIndex);
			try {
				const otherRelease = otherReleaseProblem(credentials, service.displayName);
				if (otherRelease) throw new CredentialProblem(otherRelease);
				return {
					...service.open(credentials),
					baseUrl: resolveBaseUrl(service.baseUrl, credentials),
					credentials,
				};
			} catch (error) {
				const problem = error as Error & { description?: string };
				throw new NodeOperationError(context.getNode(), problem.message, {
					itemIndex,
					description: problem.description,
				});
			}
		})();
		cache.set(key, connection);
	}
	return await connection;
}

/**
 * One authenticated call through n8n (which also refreshes OAuth2 tokens), retried per `policy`, and
 * for a once-only request only where it surely did not arrive (lib/http/retry-policy.ts). A final
 * HTTP failure becomes the service's own error via `toApiError`, told whether the request may have
 * been recorded anyway. `credentialOptions` can hand n8n a credential the node has already loaded (n8n
 * would otherwise load and decrypt it again).
 */
export async function requestWithRetries(
	context: ApiContext,
	credentialType: string,
	options: IHttpRequestOptions,
	policy: RetryPolicy,
	itemIndex: number,
	toApiError: (failure: HttpFailure, attempts: number, mayHaveArrived: boolean) => NodeApiError,
	credentialOptions?: IAdditionalCredentialOptions,
	repeatability: Repeatability = 'repeatable',
): Promise<unknown> {
	const outcome = await withRetries(
		async () =>
			await context.helpers.httpRequestWithAuthentication.call(
				context,
				credentialType,
				options,
				credentialOptions,
			),
		{ policy, failureOf: httpFailureOf, sleep, repeatability },
	);
	if (outcome.ok) return outcome.value;
	if (outcome.failure) throw toApiError(outcome.failure, outcome.attempts, outcome.mayHaveArrived);
	// Not an HTTP answer (e.g. an OAuth2 credential that is not connected): keep n8n's own message.
	throw new NodeOperationError(context.getNode(), outcome.error as Error, { itemIndex });
}

export interface ServiceFailure {
	/** The error's title, in the service's words, e.g. `Zoho Billing error 1002: Event does not exist.` */
	message: string;
	/** The service's own error fields (code, type, message): all the error keeps of the exchange. */
	response: JsonObject;
	/** HTTP status, or undefined when no answer arrived. */
	status: number | undefined;
	attempts: number;
	/** More facts for the description, e.g. MoEngage's request ID; empty ones are left out. */
	details?: Array<string | undefined>;
	itemIndex: number;
}

/**
 * The error a failed call becomes: the service's message, and a description of status, details and
 * attempts. Deliberately built without the failed request, so a token can never leak into output or logs.
 */
export function serviceApiError(context: ApiContext, failure: ServiceFailure): NodeApiError {
	const statusText = failure.status === undefined ? 'no response' : `HTTP ${failure.status}`;
	const description = [
		statusText,
		...(failure.details ?? []),
		failure.attempts > 1 ? `gave up after ${failure.attempts} attempts` : undefined,
	]
		.filter((part) => part !== undefined && part !== '')
		.join(', ');
	return new NodeApiError(context.getNode(), failure.response, {
		message: failure.message,
		description: `${description}.`,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex: failure.itemIndex,
	});
}
