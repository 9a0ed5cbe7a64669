/**
 * Why Zoho would not renew an access token, from the token data n8n stored after trying.
 *
 * Zoho Accounts answers a refused refresh with HTTP 200 and an `error` field instead of a 4xx:
 * `{"error":"invalid_code"}` when the refresh token is revoked or expired, and `{"error":"Access
 * Denied","error_description":"You have made too many requests continuously…"}` past its limit of
 * about 10 new access tokens per 10 minutes per refresh token (Weble/ZohoBooksApi issue 84; Zoho's
 * token-validity page). n8n 2.40's OAuth2 client fails a refresh only on a status of 400 or more, so
 * it stores that answer merged into the old token data and repeats the call with the old token, which
 * Zoho refuses with 401. All a node then sees is the 401; the stored token data says why.
 *
 * The merge keeps an `error` even after a later refresh succeeds, so this is worded as what Zoho said
 * to the last refused refresh, and only consulted after a 401.
 */
import { isPlainObject } from '../json';

export interface TokenRefusal {
	message: string;
	description: string;
	/** Zoho's own words, e.g. `invalid_code`. */
	zohoSaid: string;
}

/** Zoho's reason for refusing to renew the token, or undefined when the token data holds none. */
export function refusedTokenRefresh(tokenData: unknown): TokenRefusal | undefined {
	if (!isPlainObject(tokenData) || typeof tokenData.error !== 'string' || tokenData.error === '')
		return undefined;
	const detail =
		typeof tokenData.error_description === 'string' && tokenData.error_description !== ''
			? `: ${tokenData.error_description}`
			: '';
	const zohoSaid = `${tokenData.error}${detail}`;
	if (/access denied|too many/i.test(zohoSaid)) {
		return {
			zohoSaid,
			message: 'Zoho Billing is not issuing new access tokens to this connection right now',
			description:
				`Zoho allows about 10 new access tokens every 10 minutes per connection, and answered the last token refresh with "${zohoSaid}". ` +
				'Runs work again once Zoho allows it; if this recurs, let fewer workflows share this credential, or run them less often.',
		};
	}
	return {
		zohoSaid,
		message:
			'Zoho Billing refused to renew the access token: reconnect the Zoho Billing credential',
		description:
			`Zoho answered the last token refresh with "${zohoSaid}": the connection was revoked or has expired. ` +
			'Open the credential and click Connect again.',
	};
}
