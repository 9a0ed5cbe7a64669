/**
 * "Auto-map input fields": an input item whose fields already carry MoEngage's attribute names (a CRM
 * export, the output of a Set node) becomes one user update without any per-field expression. Besides
 * being what users expect from n8n's database nodes, it is the fast path: n8n evaluates each `{{ }}`
 * expression separately for every item (about 0.2 ms each, measured in bench/), while reading fields
 * from the item costs microseconds.
 */

import { InputError } from '../input-error';

export interface InputFieldsSplit {
	/** The identifier field's value, unvalidated (the identity rules check it). */
	identifier: unknown;
	/** Every other field, except those left out, under its own name. */
	attributes: Record<string, unknown>;
}

/** `"a, b ,c"` → `["a", "b", "c"]`: the comma-separated field lists of node parameters. */
export function parseFieldList(text: unknown): string[] {
	if (Array.isArray(text))
		return text.map((name) => String(name).trim()).filter((name) => name !== '');
	return String(text ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

/**
 * Splits an item's fields into the user's identifier and the attributes to send. `identifierLabel` is
 * the parameter naming the identifier field, used in the error when the item lacks it.
 */
export function splitInputFields(
	json: Record<string, unknown>,
	identifierField: string,
	leaveOut: readonly string[],
	identifierLabel: string,
): InputFieldsSplit {
	const field = identifierField.trim();
	if (field === '')
		throw new InputError(
			`${identifierLabel} is empty: name the input field that identifies the user`,
		);
	const identifier = json[field];
	if (identifier === undefined || identifier === null || identifier === '') {
		const present = Object.keys(json);
		const hint =
			present.length === 0
				? 'the item has no fields'
				: `the item has ${present
						.slice(0, 10)
						.map((name) => `"${name}"`)
						.join(', ')}${present.length > 10 ? ', …' : ''}`;
		throw new InputError(
			`The input field "${field}" named in ${identifierLabel} is missing or empty (${hint})`,
		);
	}
	const skipped = new Set([field, ...leaveOut]);
	const attributes: Record<string, unknown> = {};
	for (const name of Object.keys(json)) {
		if (!skipped.has(name)) attributes[name] = json[name];
	}
	return { identifier, attributes };
}
