/**
 * Zoho record IDs (long digit strings) and plan codes as a request path may hold them: letters,
 * digits, `_`, `.` and `-`, and not dots alone (`..` would change the path). One rule for the
 * editor's check of a typed ID and the nodes' check before a call.
 */
export const ZOHO_ID_REGEX = '^(?!\\.+$)[A-Za-z0-9_.-]+$';

const ZOHO_ID = new RegExp(ZOHO_ID_REGEX);

export function isZohoId(text: string): boolean {
	return ZOHO_ID.test(text);
}
