/**
 * Zoho Billing custom fields, keyed by their API name.
 *
 * Zoho returns a record's custom fields as an array. Zoho's Finance apps (Books, Invoice, Billing share
 * the platform) give each entry `api_name` (e.g. `cf_region`), `label`, `value`, `value_formatted`,
 * `data_type` and `placeholder`; the Billing OpenAPI document lists only `index`, `label`, `value` and
 * `data_type`. Which of these Billing sends is UNCONFIRMED, so the key is the first there is of:
 * `api_name`, a `placeholder` that looks like one (`cf_…`), `cf_` plus the label in snake case, and
 * `cf_<index>`.
 *
 * Values keep their type by `data_type`: numbers for number, decimal, amount and percent; booleans for
 * check boxes; arrays for multi-select; dates as they are (`YYYY-MM-DD`); everything else as text. An
 * empty value is null.
 */
import { isPlainObject } from '../json';

export type CustomFieldValue = string | number | boolean | string[] | null;

const NUMBER_TYPES = new Set(['number', 'decimal', 'amount', 'percent', 'autonumber']);

/** The API name a custom field is known by (see above), or undefined when it has none at all. */
export function customFieldApiName(field: Record<string, unknown>): string | undefined {
	const named = [field.api_name, field.placeholder].find(
		(candidate) => typeof candidate === 'string' && /^cf_\w+$/.test(candidate),
	);
	if (typeof named === 'string') return named;
	if (typeof field.label === 'string') {
		const slug = field.label
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '');
		if (slug !== '') return `cf_${slug}`;
	}
	if (typeof field.index === 'number' || (typeof field.index === 'string' && field.index !== '')) {
		return `cf_${field.index}`;
	}
	return undefined;
}

/** A custom field's value, typed by its `data_type`. */
export function customFieldValue(field: Record<string, unknown>): CustomFieldValue {
	const value = field.value;
	const type = String(field.data_type ?? '').toLowerCase();
	if (value === undefined || value === null || value === '') return null;
	if (NUMBER_TYPES.has(type)) {
		const number = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
		return Number.isFinite(number) ? number : String(value);
	}
	if (type === 'check_box' || type === 'checkbox' || type === 'boolean') {
		if (typeof value === 'boolean') return value;
		return ['true', '1', 'yes'].includes(String(value).toLowerCase());
	}
	if (Array.isArray(value)) return value.map(String);
	if (type === 'multiselect' && typeof value === 'string') {
		return value
			.split(',')
			.map((option) => option.trim())
			.filter((option) => option !== '');
	}
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * A record's `custom_fields` as an object keyed by API name. Undefined when the record has no such
 * array; entries without any name are left out (they could not be told apart).
 */
export function customFieldsByApiName(
	customFields: unknown,
): Record<string, CustomFieldValue> | undefined {
	if (!Array.isArray(customFields)) return undefined;
	const byName: Record<string, CustomFieldValue> = {};
	for (const field of customFields) {
		if (!isPlainObject(field)) continue;
		const name = customFieldApiName(field);
		if (name !== undefined) byName[name] = customFieldValue(field);
	}
	return byName;
}

/** The field the keyed object is added under, beside Zoho's own `custom_fields` array. */
export const CUSTOM_FIELDS_BY_API_NAME = 'custom_fields_by_api_name';

/** A copy of a Zoho record with `custom_fields_by_api_name` added when it has custom fields. */
export function withCustomFieldsByApiName<T extends Record<string, unknown>>(record: T): T {
	const byName = customFieldsByApiName(record.custom_fields);
	return byName === undefined ? record : { ...record, [CUSTOM_FIELDS_BY_API_NAME]: byName };
}
