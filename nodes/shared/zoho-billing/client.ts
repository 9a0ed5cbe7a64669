import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	type Repeatability,
	type RetryPolicy,
} from '../../../lib/http/retry-policy';
import { zohoErrorOf } from '../../../lib/zoho/api-response';
import { isPlainObject, parseJsonExact } from '../../../lib/json';
import { ZOHO_BILLING_BASE_URL } from '../../../lib/zoho/data-centers';
import { zohoTimeZone } from '../../../lib/zoho/time-zone';
import { isZohoId } from '../../../lib/zoho/ids';
import { hasMorePage } from '../../../lib/zoho/paging';
import { grantsScope, scopeForPath, type ZohoResourceSpec } from '../../../lib/zoho/resources';
import { refusedTokenRefresh, type TokenRefusal } from '../../../lib/zoho/token-refresh';
import {
	CredentialProblem,
	connectionFor,
	type ServiceCredential,
	requestWithRetries,
	serviceApiError,
	type ApiContext,
} from '../transport';

/** Zoho's organization header keeps its old "subscriptions" name on Zoho Billing. */
export const ZOHO_ORGANIZATION_HEADER = 'X-com-zoho-subscriptions-organizationid';

/** Zoho allows about 100 calls a minute per organization; back off generously but never for long. */
const ZOHO_RETRY_POLICY: RetryPolicy = {
	...DEFAULT_RETRY_POLICY,
	maxRetries: 4,
	baseDelayMs: 1000,
};
/** A Zoho answer that stalls must not hang the execution; the attempt fails and is retried. */
const ZOHO_REQUEST_TIMEOUT_MS = 60_000;

export interface ZohoRequest {
	method: IHttpRequestMethods;
	/** Path under `/billing/v1`, e.g. `/events`. */
	path: string;
	qs?: IDataObject;
	/** A JSON body (writes). */
	body?: IDataObject;
	/** The scope the call needs, when not the READ scope of its path (writes, lib/zoho/actions.ts). */
	scope?: string;
	/** `once`: sent again only where it surely did not arrive (lib/http/retry-policy.ts). */
	repeatability?: Repeatability;
}

/** The Zoho Billing OAuth2 credential as the client opens it. */
const ZOHO_BILLING_CREDENTIAL: ServiceCredential<{
	organizationId: string;
	/** The credential's Scope field, to name a missing scope when Zoho refuses a call. */
	grantedScopes: string;
}> = {
	type: 'zohoBillingOAuth2Api',
	displayName: 'Zoho Billing OAuth2 API',
	baseUrl: ZOHO_BILLING_BASE_URL,
	open(credentials) {
		const organizationId = String(credentials.organizationId ?? '').trim();
		if (organizationId === '') {
			throw new CredentialProblem(
				'The Zoho Billing credential has no Organization ID',
				'Enter your organization ID (Zoho Billing > Settings > Organization Profile) in the credential',
			);
		}
		return { organizationId, grantedScopes: String(credentials.scope ?? '') };
	},
};

const lacksScope = (scope: string) =>
	`The Zoho Billing credential lacks the scope ${scope}, which this operation needs`;

/** The credential's Scope lacks `scope`: what to add, and that Zoho grants scopes only on connecting. */
function missingScopeError(context: ApiContext, scope: string, itemIndex: number) {
	return new NodeOperationError(context.getNode(), lacksScope(scope), {
		itemIndex,
		description: `Add ${scope} to the credential's Scope (comma-separated) and reconnect it: Zoho grants scopes only when you connect. The default Scope is read only.`,
	});
}

/**
 * Every scope an operation needs (its write, and the reads it makes first), checked against the
 * credential's Scope before the operation's first call: a write the credential cannot make must not
 * cost even the read before it.
 */
export async function requireZohoScopes(
	this: ApiContext,
	scopes: readonly string[],
	itemIndex: number,
): Promise<void> {
	const { grantedScopes } = await connectionFor(this, ZOHO_BILLING_CREDENTIAL, itemIndex);
	const missing = scopes.find((scope) => !grantsScope(grantedScopes, scope));
	if (missing !== undefined) throw missingScopeError(this, missing, itemIndex);
}

/**
 * Calls the Zoho Billing API for one input item: authenticated through n8n's OAuth2 (which refreshes
 * an expired token on 401), with the organization header, retrying 429 and 5xx. Zoho's own `code` is
 * checked on every answer, since some errors arrive with HTTP 200.
 */
export async function zohoBillingApiRequest(
	this: ApiContext,
	request: ZohoRequest,
	itemIndex: number,
): Promise<IDataObject> {
	const { organizationId, baseUrl, grantedScopes } = await connectionFor(
		this,
		ZOHO_BILLING_CREDENTIAL,
		itemIndex,
	);
	const scope = request.scope ?? scopeForPath(request.path);
	// A write with a read-only credential: refused here, before spending a call Zoho would refuse.
	if (request.scope && !grantsScope(grantedScopes, request.scope))
		throw missingScopeError(this, request.scope, itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: baseUrl + request.path,
		qs: request.qs,
		...(request.body === undefined ? {} : { body: request.body }),
		json: true,
		// The answer as text, parsed here: n8n's own parsing would round IDs beyond 2^53 (lib/json.ts).
		encoding: 'text',
		headers: { [ZOHO_ORGANIZATION_HEADER]: organizationId, Accept: 'application/json' },
		timeout: ZOHO_REQUEST_TIMEOUT_MS,
	};

	// Once Zoho refused to renew the token in this run, every further call would only spend another
	// refresh of Zoho's small budget on the same refusal.
	const refused = refusedTokens.get(this);
	if (refused) throw tokenRefusedError(this, refused, itemIndex);

	let answer;
	try {
		answer = await requestWithRetries(
			this,
			ZOHO_BILLING_CREDENTIAL.type,
			options,
			ZOHO_RETRY_POLICY,
			itemIndex,
			(failure, attempts, mayHaveArrived) =>
				zohoApiError(this, zohoJson(failure.body), failure.status, {
					itemIndex,
					attempts,
					scope,
					grantedScopes,
					mayHaveArrived,
				}),
			undefined,
			request.repeatability,
		);
	} catch (error) {
		throw await explainRefusedToken(this, error, scope, grantedScopes, itemIndex);
	}
	const body = zohoJson(answer);

	if (zohoErrorOf(body)) {
		throw zohoApiError(this, body, 200, {
			itemIndex,
			attempts: 1,
			scope,
			grantedScopes,
		});
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new NodeApiError(this.getNode(), { message: 'Unexpected response' } as JsonObject, {
			message: 'Zoho Billing returned a response that is not a JSON object',
			itemIndex,
		});
	}
	return body as IDataObject;
}

const refusedTokens = new WeakMap<ApiContext, TokenRefusal>();

/**
 * A 401 that n8n's own token refresh could not cure, explained: n8n refreshes an expired token and
 * repeats the call, but when Zoho refuses the refresh (with HTTP 200, lib/zoho/token-refresh.ts) the
 * repeat fails 401 too. The token data n8n stored then holds Zoho's reason. A missing scope, which
 * also answers 401, keeps its own message (zohoApiError).
 */
async function explainRefusedToken(
	context: ApiContext,
	error: unknown,
	scope: string | undefined,
	grantedScopes: string,
	itemIndex: number,
): Promise<unknown> {
	if (!(error instanceof NodeApiError) || error.httpCode !== '401') return error;
	if (scope && !grantsScope(grantedScopes, scope)) return error;
	const credentials = await context.getCredentials(ZOHO_BILLING_CREDENTIAL.type, itemIndex);
	const refusal = refusedTokenRefresh(credentials.oauthTokenData);
	if (!refusal) return error;
	refusedTokens.set(context, refusal);
	return tokenRefusedError(context, refusal, itemIndex);
}

function tokenRefusedError(
	context: ApiContext,
	refusal: TokenRefusal,
	itemIndex: number,
): NodeApiError {
	return serviceApiError(context, {
		message: refusal.message,
		response: { code: '', message: refusal.zohoSaid },
		status: 401,
		attempts: 1,
		details: [refusal.description.replace(/\.$/, '')],
		itemIndex,
	});
}

/**
 * A Zoho answer as JSON, IDs exact. Text that is no JSON stays text (reported as "not a JSON
 * object"); an answer n8n already parsed is taken as it is.
 */
function zohoJson(answer: unknown): unknown {
	if (typeof answer !== 'string') return answer;
	try {
		return parseJsonExact(answer);
	} catch {
		return answer;
	}
}

/** Zoho's "You are not authorized to perform this operation": a dead token or a missing scope. */
const NOT_AUTHORIZED_CODE = '57';

/**
 * Zoho's `code` and `message`, and only those (see `serviceApiError`). When Zoho refuses a call that
 * needs a scope the credential was not granted (a credential connected before that scope was part of
 * its default), the error names the scope and says to reconnect.
 */
function zohoApiError(
	context: ApiContext,
	body: unknown,
	status: number | undefined,
	call: {
		itemIndex: number;
		attempts: number;
		scope: string | undefined;
		grantedScopes: string;
		mayHaveArrived?: boolean;
	},
): NodeApiError {
	const details = zohoErrorOf(body);
	const statusText = status === undefined ? 'no response' : `HTTP ${status}`;
	const zohoSays = details
		? `Zoho Billing error ${details.code}: ${details.message}`
		: `Zoho Billing request failed (${statusText})`;
	const scope = call.scope;
	const refused = status === 401 || status === 403 || details?.code === NOT_AUTHORIZED_CODE;
	let message = zohoSays;
	let hint: string | undefined;
	if (scope && refused && !grantsScope(call.grantedScopes, scope)) {
		message = lacksScope(scope);
		hint = `add ${scope} to the credential's Scope and reconnect it (Zoho grants scopes only when you connect). ${zohoSays}`;
	} else if (scope && refused) {
		hint = `If the credential was connected before its Scope held ${scope}, reconnect it`;
	}
	return serviceApiError(context, {
		message,
		response: { code: details?.code ?? '', message: details?.message ?? statusText },
		status,
		attempts: call.attempts,
		details: [
			hint,
			call.mayHaveArrived
				? 'not sent again: Zoho Billing may have carried it out already, and a repeat would do it twice. Check the record in Zoho Billing before running this item again'
				: undefined,
		],
		itemIndex: call.itemIndex,
	});
}

/** One page of a Zoho Billing list, and whether another follows (`page_context.has_more_page`). */
export interface ZohoListPage {
	entries: IDataObject[];
	hasMore: boolean;
}

/**
 * `GET <path>` for one page of a list whose entries Zoho returns under `listKey` (`events`,
 * `customers`, …). Zoho's paging (Zoho Billing API, "Pagination"): `page`, `per_page` (at most 200)
 * in the query, `page_context.has_more_page` in the answer.
 */
export async function zohoBillingListPage(
	this: ApiContext,
	request: { path: string; listKey: string; qs: IDataObject },
	itemIndex: number,
): Promise<ZohoListPage> {
	const response = await zohoBillingApiRequest.call(
		this,
		{ method: 'GET', path: request.path, qs: request.qs },
		itemIndex,
	);
	const list = response[request.listKey];
	if (!Array.isArray(list)) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: `Zoho Billing returned a list response without a "${request.listKey}" array`,
			itemIndex,
		});
	}
	const entries = list.filter(isPlainObject) as IDataObject[];
	// An empty page ends the list even if Zoho says there is more, so a wrong flag cannot loop forever.
	return { entries, hasMore: hasMorePage(response) && entries.length > 0 };
}

/** Zoho Billing "Organizations": Get an organization (scope ZohoSubscriptions.settings.READ). */
const ORGANIZATION: ZohoRecordKind = {
	path: '/organizations',
	key: 'organization',
	idLabel: 'Organization ID',
	idExample: '10234695',
};

const organizationTimeZones = new WeakMap<ApiContext, Promise<ZohoOrganizationTimeZone>>();

/** The organization's time zone as Zoho states it, and the IANA zone the node counts days in. */
export interface ZohoOrganizationTimeZone {
	/** Zoho's `time_zone`, as sent. */
	stated: unknown;
	/** The zone days are counted in: Zoho's, or UTC when Zoho's is none the node can read. */
	zone: string;
	known: boolean;
}

/**
 * The organization's time zone (`GET /organizations/{organization_id}`, scope
 * ZohoSubscriptions.settings.READ), read once per node run: the days of Zoho's filters are its days
 * (lib/zoho/time-zone.ts).
 */
export async function zohoOrganizationTimeZone(
	this: ApiContext,
	itemIndex: number,
): Promise<ZohoOrganizationTimeZone> {
	let cached = organizationTimeZones.get(this);
	if (!cached) {
		cached = (async () => {
			const { organizationId } = await connectionFor(this, ZOHO_BILLING_CREDENTIAL, itemIndex);
			const organization = await zohoBillingGetById.call(
				this,
				ORGANIZATION,
				organizationId,
				itemIndex,
			);
			const zone = zohoTimeZone(organization.time_zone);
			return { stated: organization.time_zone, zone: zone ?? 'UTC', known: zone !== undefined };
		})();
		organizationTimeZones.set(this, cached);
		// A failed read is not kept: the next item may try again.
		cached.catch(() => organizationTimeZones.delete(this));
	}
	return await cached;
}

/** What `zohoBillingGetById` needs of a resource (lib/zoho/resources.ts). */
export type ZohoRecordKind = Pick<ZohoResourceSpec, 'path' | 'key' | 'idLabel' | 'idExample'>;

/** A record ID (or plan code) as the path may hold it, or an error naming the parameter. */
export function checkedZohoId(
	this: ApiContext,
	kind: Pick<ZohoRecordKind, 'idLabel' | 'idExample'>,
	id: unknown,
	itemIndex: number,
): string {
	const text = String(id ?? '').trim();
	if (!isZohoId(text)) {
		throw new NodeOperationError(
			this.getNode(),
			`${kind.idLabel} must be a Zoho ${kind.idLabel.replace(/\b(?!ID\b)\w+/g, (word) => word.toLowerCase())} such as ${kind.idExample}, got "${text}"`,
			{ itemIndex },
		);
	}
	return text;
}

/** `GET <path>/<id>` and the record Zoho returns under the resource's key. */
export async function zohoBillingGetById(
	this: ApiContext,
	kind: ZohoRecordKind,
	id: unknown,
	itemIndex: number,
): Promise<IDataObject> {
	const text = checkedZohoId.call(this, kind, id, itemIndex);
	const response = await zohoBillingApiRequest.call(
		this,
		{ method: 'GET', path: `${kind.path}/${encodeURIComponent(text)}` },
		itemIndex,
	);
	const found = response[kind.key];
	if (!isPlainObject(found)) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: `Zoho Billing returned no ${kind.key} for ${kind.idLabel} ${text}`,
			itemIndex,
		});
	}
	return found as IDataObject;
}
