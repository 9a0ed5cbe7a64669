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
import { InputError } from '../input-error';
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

/**
 * One entry of a custom field write, as Zoho's Billing OpenAPI documents name fields in writes:
 * `{ label, value }` (customers.yml create and update, subscription.yml `update-custom-fields-request`,
 * label required there); Zoho's Subscriptions Postman collection shows `{ index, value }`. Nothing
 * documents `api_name` as a write key, so it is never sent. A field the record shows also carries its
 * `customfield_id` and `index`, so either identifies it.
 */
export interface CustomFieldWrite {
	label: string;
	value: unknown;
	customfield_id?: string;
	index?: number | string;
}

/** A value as Zoho's custom fields take it: text, a number or a boolean; a list joined by commas. */
function writableValue(name: string, value: unknown): unknown {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(String).join(',');
	if (typeof value === 'object')
		throw new InputError(
			`Custom field ${name} must be text, a number, a boolean or a list, got an object`,
		);
	return value;
}

const API_NAME = /^cf_\w+$/;

/** The entered custom fields, each name trimmed and value made writable; bad input fails, named. */
export function checkedCustomFields(
	wanted: Record<string, unknown>,
): Array<{ name: string; value: unknown }> {
	const names = Object.keys(wanted);
	if (names.length === 0)
		throw new InputError('Custom Fields must name at least one field (its label) and a value');
	return names.map((rawName) => {
		const name = rawName.trim();
		if (name === '') throw new InputError('A custom field name must not be empty');
		return { name, value: writableValue(name, wanted[rawName]) };
	});
}

/**
 * The `custom_fields` entries that set `wanted` (label or API name, to value). `existing` is the
 * record's `custom_fields` as Zoho returned it, or undefined when creating (no record yet). A field
 * the record shows is named by its label (and its customfield_id and index). A name the record does
 * not show is sent as a label, unless it is an API name (`cf_…`): Zoho offers no documented call to
 * turn an API name into a label (Billing's settings API has taxes, not custom fields), so such an
 * item fails here, before any write, naming the field. `recordName` words that error (`customer`).
 */
export function customFieldWrites(
	existing: unknown,
	wanted: Record<string, unknown>,
	recordName: string,
): CustomFieldWrite[] {
	const fields = Array.isArray(existing) ? existing.filter(isPlainObject) : [];
	return checkedCustomFields(wanted).map(({ name, value }) => {
		const match =
			fields.find((field) => field.label === name) ??
			fields.find((field) => customFieldApiName(field) === name) ??
			fields.find(
				(field) =>
					typeof field.label === 'string' && field.label.toLowerCase() === name.toLowerCase(),
			);
		if (!match || typeof match.label !== 'string' || match.label === '') {
			if (API_NAME.test(name))
				throw new InputError(
					`Custom field ${name}: Zoho Billing takes custom fields by their label when writing, and ${existing === undefined ? `a new ${recordName} has no fields to look this API name up in` : `the ${recordName} Zoho returned shows no field with this API name`}. Enter the field's label, as Zoho Billing shows it (Settings > Preferences > Custom Fields)`,
				);
			return { label: name, value };
		}
		const write: CustomFieldWrite = { label: match.label, value };
		if (typeof match.customfield_id === 'string' || typeof match.customfield_id === 'number')
			write.customfield_id = String(match.customfield_id);
		if (typeof match.index === 'number' || (typeof match.index === 'string' && match.index !== ''))
			write.index = match.index;
		return write;
	});
}
