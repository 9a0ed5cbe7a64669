/**
 * Values from parameters and records read as text: strings trimmed, numbers written out (Zoho sends
 * some IDs and codes as either), anything else empty.
 */
export function trimmedText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The same, or undefined when it is empty. */
export function optionalText(value: unknown): string | undefined {
	const text = trimmedText(value);
	return text === '' ? undefined : text;
}
