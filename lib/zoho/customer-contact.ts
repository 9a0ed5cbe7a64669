/**
 * How to reach the customer of a Zoho Billing event: the customer's own mobile or phone, else those
 * of the primary contact person.
 *
 * Zoho's customer object often has no phone at all, while the contact persons do: a captured
 * `subscription_created` webhook carries a customer without `phone` or `mobile` and
 * `subscription.contactpersons: [{ "phone": "+1…", "mobile": "+1…", "email": … }]`
 * (PipedreamHQ/pipedream components/zoho_subscriptions/sources/subscription-created/test-event.mjs).
 * Zoho's customers API marks the primary one with `is_primary_contact` (Zoho Billing "Customers");
 * the webhook's list carries no such flag, so there the first person listed counts as primary. Only
 * the primary person is used: another contact person may be a different human.
 */
import { isPlainObject } from '../json';
import { optionalText } from '../text';

type JsonObject = Record<string, unknown>;

/** Where the contact persons of an event's customer may be listed, most specific first. */
interface ContactSources {
	customer?: JsonObject;
	subscription?: JsonObject;
	invoice?: JsonObject;
}

/** The primary contact person of a record's `contactpersons`, or undefined when it lists none. */
export function primaryContactPerson(record: JsonObject | undefined): JsonObject | undefined {
	const persons = Array.isArray(record?.contactpersons)
		? record.contactpersons.filter(isPlainObject)
		: [];
	return (
		persons.find(
			(person) => person.is_primary_contact === true || person.is_primary_contact === 'true',
		) ?? persons[0]
	);
}

/**
 * The customer's mobile number, else phone, else the primary contact person's mobile, else phone;
 * undefined when none of them has one.
 */
export function customerMobile(sources: ContactSources): string | undefined {
	const own = optionalText(sources.customer?.mobile) ?? optionalText(sources.customer?.phone);
	if (own) return own;
	for (const record of [sources.customer, sources.subscription, sources.invoice]) {
		const person = primaryContactPerson(record);
		const number = optionalText(person?.mobile) ?? optionalText(person?.phone);
		if (number) return number;
	}
	return undefined;
}
