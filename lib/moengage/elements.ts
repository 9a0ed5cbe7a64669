/**
 * The JSON MoEngage's Data API takes for one user update (`type: "customer"`) or one event
 * (`type: "event"`). The same element goes to Track User / Create Event one at a time, or into a Bulk
 * Import request with others (data.yaml: `BulkImportRequest.elements` holds full CreateUserRequest /
 * CreateEventRequest objects).
 */
import { InputError } from '../input-error';
import {
	validateAttributeValue,
	validateAttributes,
	validateCustomerId,
	validateEventName,
	validateIdentifierValue,
	type OverLongPolicy,
} from './validation';

/**
 * Who an element is about: a MoEngage customer ID, or (identity-resolution workspaces) the value of an
 * activated identifier attribute such as `email` or `moe_mobile`. Which attributes are identifiers is a
 * workspace setting, so the attribute name is the caller's choice.
 */
export type MoEngageIdentity =
	| { customerId: string }
	| { identifierAttribute: string; identifierValue: string };

export interface CustomerElement {
	type: 'customer';
	customer_id?: string;
	attributes: Record<string, unknown>;
	update_existing_only?: boolean;
}

export interface EventAction {
	action: string;
	attributes: Record<string, unknown>;
	current_time: string;
	platform?: string;
}

export interface EventElement {
	type: 'event';
	customer_id?: string;
	user_identifiers?: Record<string, string>;
	actions: EventAction[];
}

export type MoEngageElement = CustomerElement | EventElement;

export const EVENT_PLATFORMS = ['ANDROID', 'iOS', 'web', 'TV', 'unknown'] as const;

function validateIdentity(identity: MoEngageIdentity, field: string): MoEngageIdentity {
	if ('customerId' in identity)
		return { customerId: validateCustomerId(identity.customerId, field) };
	const attribute = identity.identifierAttribute.trim();
	if (attribute === '') throw new InputError(`${field}: the identifier attribute name is empty`);
	return {
		identifierAttribute: attribute,
		identifierValue: validateIdentifierValue(identity.identifierValue, field),
	};
}

export function buildCustomerElement(input: {
	identity: MoEngageIdentity;
	/** Standard attributes (name, email, …), already in MoEngage's keys. */
	standardAttributes?: Record<string, unknown>;
	/** The user's own attributes; validated against MoEngage's naming rules. */
	customAttributes?: Record<string, unknown>;
	/** Where the custom attributes came from, for error messages. */
	customAttributesLabel?: string;
	updateExistingOnly?: boolean;
	/** Over-long names and values: cut with a warning, or refused (validation.ts). */
	limits?: OverLongPolicy;
}): CustomerElement {
	const identity = validateIdentity(input.identity, 'Identifier');
	const attributes: Record<string, unknown> = {
		...validateAttributes(
			input.customAttributes ?? {},
			input.customAttributesLabel ?? 'Custom Attributes',
			'user',
			input.limits,
		),
		...standardAttributes(input.standardAttributes ?? {}, input.limits),
	};
	const element: CustomerElement = { type: 'customer', attributes };
	if ('customerId' in identity) element.customer_id = identity.customerId;
	else attributes[identity.identifierAttribute] = identity.identifierValue;
	if (input.updateExistingOnly) element.update_existing_only = true;
	return element;
}

export function buildEventElement(input: {
	identity: MoEngageIdentity;
	name: string;
	attributes?: Record<string, unknown>;
	/** Already validated and in MoEngage's format (see `eventTime`). */
	time: string;
	platform?: string;
	limits?: OverLongPolicy;
}): EventElement {
	const identity = validateIdentity(input.identity, 'Identifier');
	const action: EventAction = {
		action: validateEventName(input.name),
		attributes: validateAttributes(
			input.attributes ?? {},
			'Event Attributes',
			'event',
			input.limits,
		),
		current_time: input.time,
	};
	if (input.platform) {
		if (!(EVENT_PLATFORMS as readonly string[]).includes(input.platform)) {
			throw new InputError(
				`Platform must be one of ${EVENT_PLATFORMS.join(', ')}, got "${input.platform}"`,
			);
		}
		action.platform = input.platform;
	}
	const element: EventElement = { type: 'event', actions: [action] };
	if ('customerId' in identity) element.customer_id = identity.customerId;
	else element.user_identifiers = { [identity.identifierAttribute]: identity.identifierValue };
	return element;
}

/** Standard (and preset) attributes: names are ours and known-good; values still follow MoEngage's limits. */
function standardAttributes(
	values: Record<string, unknown>,
	limits: OverLongPolicy | undefined,
): Record<string, unknown> {
	const sent: Record<string, unknown> = {};
	for (const name in values) {
		const value = values[name];
		if (value !== undefined && value !== '')
			sent[name] = validateAttributeValue(name, value, 'Attributes', limits);
	}
	return sent;
}
