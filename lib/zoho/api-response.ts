/**
 * Zoho Billing answers `{ code, message, ... }` where `code` 0 means success. Some errors come back with
 * HTTP 200 and a non-zero `code` (Zoho Billing "Response" and "Errors" pages), so the HTTP status alone
 * cannot be trusted: every response body goes through `zohoErrorOf`.
 */
import { isPlainObject } from '../json';

export interface ZohoApiErrorDetails {
	code: string;
	message: string;
}

/** The error a Zoho response body reports, or undefined for a successful body. */
export function zohoErrorOf(body: unknown): ZohoApiErrorDetails | undefined {
	if (!isPlainObject(body)) return undefined;
	const { code, message } = body;
	if (code === undefined || code === 0 || code === '0') return undefined;
	return {
		code: String(code),
		message:
			typeof message === 'string' && message !== '' ? message : 'Zoho Billing reported an error',
	};
}
