import { InputError } from '../../../../../../lib/input-error';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { MoEngageIdentity } from '../../../../../../lib/moengage/elements';
import { type OverLongPolicy } from '../../../../../../lib/moengage/validation';
import {
	MAX_RETRIES_LIMIT,
	MOENGAGE_DEFAULT_MAX_RETRIES,
	MOENGAGE_DEFAULT_TIMEOUT_MS,
	MOENGAGE_RETRY_POLICY,
	MOENGAGE_TIMEOUT_LIMITS_MS,
	type MoEngageSendSettings,
} from '../../../../../../nodes/shared/moengage/client';
import type { SendMode } from '../../../../../../nodes/shared/moengage/send';
import { checkedWholeNumber } from '../../../../../../nodes/shared/parameters';

/** Identifier attributes used when the user does not name their workspace's own. */
const DEFAULT_IDENTIFIER_ATTRIBUTES = { email: 'email', mobile: 'moe_mobile' } as const;

export function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/**
 * Send Mode, Retries and Timeout, read once for the whole run from the first item: items are batched
 * together, so these cannot differ per item.
 */
export function readSendSettings(context: IExecuteFunctions): {
	sendMode: SendMode;
	settings: MoEngageSendSettings;
} {
	const options = readOptions(context, 0);
	const wholeNumber = (name: string, label: string, fallback: number, min: number, max: number) =>
		checkedWholeNumber(
			context.getNode(),
			options[name] ?? fallback,
			`Options > ${label}`,
			{
				min,
				max,
			},
			0,
		);
	const maxRetries = wholeNumber(
		'maxRetries',
		'Retries',
		MOENGAGE_DEFAULT_MAX_RETRIES,
		0,
		MAX_RETRIES_LIMIT,
	);
	const timeoutMs = wholeNumber(
		'timeout',
		'Timeout',
		MOENGAGE_DEFAULT_TIMEOUT_MS,
		MOENGAGE_TIMEOUT_LIMITS_MS.min,
		MOENGAGE_TIMEOUT_LIMITS_MS.max,
	);
	const sendMode = options.sendMode ?? 'batch';
	if (!SEND_MODES.includes(sendMode as SendMode)) {
		throw new NodeOperationError(
			context.getNode(),
			`Options > Send Mode must be one of ${SEND_MODES.join(', ')}, got ${JSON.stringify(sendMode)}`,
			{ itemIndex: 0 },
		);
	}
	return {
		sendMode: sendMode as SendMode,
		settings: { policy: { ...MOENGAGE_RETRY_POLICY, maxRetries }, timeoutMs },
	};
}

const SEND_MODES: readonly SendMode[] = ['batch', 'perItem'];

const OVER_LONG_CHOICES: ReadonlyArray<OverLongPolicy['overLong']> = ['truncate', 'fail'];

/** Options > Over-Long Values of an item, with an empty list for its warnings. */
export function readOverLongPolicy(context: IExecuteFunctions, itemIndex: number): OverLongPolicy {
	const choice = readOptions(context, itemIndex).overLongValues ?? 'truncate';
	if (!OVER_LONG_CHOICES.includes(choice as OverLongPolicy['overLong'])) {
		throw new InputError(
			`Options > Over-Long Values must be one of ${OVER_LONG_CHOICES.join(', ')}, got ${JSON.stringify(choice)}`,
		);
	}
	return { overLong: choice as OverLongPolicy['overLong'], warnings: [] };
}

type IdentifyBy = 'customerId' | 'email' | 'mobile';
const IDENTIFY_BY_VALUES: readonly IdentifyBy[] = ['customerId', 'email', 'mobile'];

/**
 * "Identify User By", checked: an expression can set it to anything, and an unknown value must not
 * silently fall through to one of the identity kinds.
 */
export function readIdentifyBy(context: IExecuteFunctions, itemIndex: number): IdentifyBy {
	const value = context.getNodeParameter('identifyBy', itemIndex) as unknown;
	if (!IDENTIFY_BY_VALUES.includes(value as IdentifyBy)) {
		throw new InputError(
			`Identify User By must be one of ${IDENTIFY_BY_VALUES.join(', ')}, got ${JSON.stringify(value)}`,
		);
	}
	return value as IdentifyBy;
}

/** The parameter holding the identifier's value in manual mode, per "Identify User By". */
const IDENTIFIER_VALUE_PARAMETERS: Record<IdentifyBy, string> = {
	customerId: 'customerId',
	email: 'identifierEmail',
	mobile: 'identifierMobile',
};

/** The identity chosen in "Identify User By" and its value. `options` is the item's Options collection. */
export function readIdentity(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): MoEngageIdentity {
	const identifyBy = readIdentifyBy(context, itemIndex);
	const value = context.getNodeParameter(IDENTIFIER_VALUE_PARAMETERS[identifyBy], itemIndex, '');
	return identityOf(options, identifyBy, String(value ?? ''));
}

/** The identity for `value` of the kind chosen in "Identify User By", wherever the value came from. */
export function identityOf(
	options: IDataObject,
	identifyBy: IdentifyBy,
	value: string,
): MoEngageIdentity {
	return identifyBy === 'customerId'
		? { customerId: value }
		: identityResolution(options, identifyBy, value);
}

/** An identity-resolution identity, under the attribute named in Options or the default for `kind`. */
export function identityResolution(
	options: IDataObject,
	kind: 'email' | 'mobile',
	value: string,
): MoEngageIdentity {
	const custom = String(options.identifierAttribute ?? '').trim();
	return {
		identifierAttribute: custom || DEFAULT_IDENTIFIER_ATTRIBUTES[kind],
		identifierValue: value,
	};
}

/** Custom attributes from key-value pairs or JSON, as the user chose. */
export function readCustomAttributes(
	context: IExecuteFunctions,
	itemIndex: number,
	prefix: string,
	label: string,
): Record<string, unknown> {
	const mode = context.getNodeParameter(`${prefix}Mode`, itemIndex, 'keyValue') as string;
	if (mode === 'json') {
		const raw = context.getNodeParameter(`${prefix}Json`, itemIndex, '{}') as unknown;
		const value = typeof raw === 'string' ? parseJson(raw) : raw;
		if (value instanceof SyntaxError) {
			throw new InputError(`${label} (JSON) is not valid JSON: ${value.message}`);
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			throw new InputError(`${label} (JSON) must be an object of attribute names and values`);
		}
		return value as Record<string, unknown>;
	}
	const pairs = context.getNodeParameter(`${prefix}Ui.attribute`, itemIndex, []) as Array<{
		key: string;
		value: unknown;
	}>;
	const attributes: Record<string, unknown> = {};
	for (const { key, value } of pairs) {
		if (key in attributes) throw new InputError(`${label}: "${key}" is given twice`);
		attributes[key] = value;
	}
	return attributes;
}

/** The parsed value, or the SyntaxError, so the caller can name the parameter in its own error. */
function parseJson(text: string): unknown {
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch (error) {
		return error;
	}
}
