/**
 * How a record reads in a "From List" picker of the Zoho Billing node, and whether it matches what the
 * user typed. Zoho's `search_text` list parameter narrows the page (which fields it searches is
 * UNCONFIRMED); this check decides, so a picker never offers a record that does not match.
 */
import type { LookupResource } from './resources';
import { trimmedText } from '../text';

export interface RecordChoice {
	name: string;
	value: string;
	/** Lower-case text the typed filter is looked for in. */
	searchText: string;
}

const joined = (...parts: unknown[]) =>
	parts
		.map(trimmedText)
		.filter((part) => part !== '')
		.join(' · ');

/** A listed record as a picker choice, or undefined when it carries no identifier. */
export function recordChoice(
	resource: LookupResource,
	record: Record<string, unknown>,
): RecordChoice | undefined {
	const plan = (record.plan ?? {}) as Record<string, unknown>;
	const [value, name]: [unknown, string] = (
		{
			customer: () => [record.customer_id, joined(record.display_name, record.email)],
			subscription: () => [
				record.subscription_id,
				joined(
					record.subscription_number,
					record.customer_name ?? record.email,
					record.plan_name ?? plan.name,
					record.status,
				),
			],
			invoice: () => [
				record.invoice_id,
				joined(record.invoice_number ?? record.number, record.customer_name, record.status),
			],
			plan: () => [record.plan_code, joined(record.name, record.plan_code)],
		} satisfies Record<LookupResource, () => [unknown, string]>
	)[resource]();
	const id = trimmedText(value);
	if (id === '') return undefined;
	const label = name === '' ? id : name;
	return { name: label, value: id, searchText: `${label} ${id}`.toLowerCase() };
}

/** Whether a choice matches the typed filter: every word of it appears somewhere, any case. */
export function matchesSearch(choice: RecordChoice, filter: string | undefined): boolean {
	const words = trimmedText(filter).toLowerCase().split(/\s+/).filter(Boolean);
	return words.every((word) => choice.searchText.includes(word));
}
