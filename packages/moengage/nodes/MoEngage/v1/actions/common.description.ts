import type { INodeProperties } from 'n8n-workflow';

import {
	MAX_RETRIES_LIMIT,
	MOENGAGE_DEFAULT_MAX_RETRIES,
	MOENGAGE_DEFAULT_TIMEOUT_MS,
	MOENGAGE_TIMEOUT_LIMITS_MS,
} from '../../../../../../nodes/shared/moengage/client';
import { optionsCollection } from '../../../../../../nodes/shared/parameters';

/**
 * Parameters several operations share. Each operation places them among its own; the resource and
 * operation are added to their display conditions where the node's parameters are built
 * (nodes/shared/operations.ts).
 */

type Conditions = Record<string, string[]>;

const when = (show: Conditions) =>
	Object.keys(show).length > 0 ? { displayOptions: { show } } : {};

/**
 * "Identify User By" and the identifier's value. `valueShow` narrows when the value inputs appear (an
 * operation whose auto-mapping reads the identifier from an input field hides them).
 */
export function identityProperties(valueShow: Conditions = {}): INodeProperties[] {
	return [
		{
			displayName: 'Identify User By',
			name: 'identifyBy',
			type: 'options',
			options: [
				{
					name: 'Customer ID',
					value: 'customerId',
					description: "MoEngage's user ID (customer_id), shown as ID in the dashboard",
				},
				{
					name: 'Email (Identity Resolution)',
					value: 'email',
					description: 'For workspaces with identity resolution on email',
				},
				{
					name: 'Mobile (Identity Resolution)',
					value: 'mobile',
					description: 'For workspaces with identity resolution on mobile number',
				},
			],
			default: 'customerId',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ana.silva@example.com',
			...when({ ...valueShow, identifyBy: ['customerId'] }),
		},
		{
			displayName: 'Email',
			name: 'identifierEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			...when({ ...valueShow, identifyBy: ['email'] }),
		},
		{
			displayName: 'Mobile',
			name: 'identifierMobile',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+351912345678',
			...when({ ...valueShow, identifyBy: ['mobile'] }),
		},
	];
}

/** Custom attributes, as key-value pairs or JSON, named `<prefix>Mode`, `<prefix>Ui`, `<prefix>Json`. */
export function customAttributeProperties(
	label: string,
	prefix: string,
	show: Conditions = {},
): INodeProperties[] {
	return [
		{
			displayName: `${label} Input`,
			name: `${prefix}Mode`,
			type: 'options',
			options: [
				{ name: 'Key-Value Pairs', value: 'keyValue' },
				{ name: 'JSON', value: 'json' },
			],
			default: 'keyValue',
			...when(show),
		},
		{
			displayName: label,
			name: `${prefix}Ui`,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attribute',
			default: {},
			...when({ ...show, [`${prefix}Mode`]: ['keyValue'] }),
			options: [
				{
					displayName: 'Attribute',
					name: 'attribute',
					values: [
						{
							displayName: 'Name',
							name: 'key',
							type: 'string',
							default: '',
							description: 'Use snake_case; must not start with moe_',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: `${label} (JSON)`,
			name: `${prefix}Json`,
			type: 'json',
			default: '{}',
			description:
				'An object of attribute names and values; numbers, booleans and arrays keep their types',
			...when({ ...show, [`${prefix}Mode`]: ['json'] }),
		},
	];
}

/** The operation's "Options" collection: the shared send options plus the operation's own. */
export function sendOptionsCollection(own: INodeProperties[]): INodeProperties {
	return optionsCollection([...sendOptions(), ...own]);
}

/** Options every operation offers. */
function sendOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Identifier Attribute',
			name: 'identifierAttribute',
			type: 'string',
			default: '',
			placeholder: 'email or moe_mobile',
			description:
				'With identity resolution: the name of the activated identifier attribute in your workspace. Defaults to "email" for email and "moe_mobile" for mobile.',
		},
		{
			displayName: 'Send Mode',
			name: 'sendMode',
			type: 'options',
			options: [
				{
					name: 'Batch (Bulk Import)',
					value: 'batch',
					description:
						'Few requests of up to 100 KB each. MoEngage reports no per-item errors for these.',
				},
				{
					name: 'One Request per Item',
					value: 'perItem',
					description:
						"Track User / Create Event per item, so MoEngage's errors are reported per item",
				},
			],
			default: 'batch',
		},
		{
			displayName: 'Over-Long Values',
			name: 'overLongValues',
			type: 'options',
			options: [
				{
					name: 'Truncate and Warn',
					value: 'truncate',
					description:
						'Cut names to 200 and values to 512 characters, as MoEngage would, and list what was cut in the item\'s "warnings"',
				},
				{
					name: 'Fail the Item',
					value: 'fail',
					description: 'Refuse the item, naming the attribute, and send nothing for it',
				},
			],
			default: 'truncate',
			description:
				'MoEngage keeps the first 200 characters of an attribute name and 512 of a value',
		},
		...retryOptions(),
	];
}

/**
 * The Options of Delete and Merge: how each request is retried and timed out. Those requests are
 * sent once where a repeat could act twice (nodes/shared/moengage/client.ts).
 */
export function requestOptionsCollection(): INodeProperties {
	return optionsCollection(retryOptions());
}

function retryOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_RETRIES_LIMIT, numberPrecision: 0 },
			default: MOENGAGE_DEFAULT_MAX_RETRIES,
			description:
				'How often a request that failed with 429, 5xx, a network error or a timeout is sent again, waiting as MoEngage asks (x-ratelimit-reset) or backing off exponentially',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: {
				minValue: MOENGAGE_TIMEOUT_LIMITS_MS.min,
				maxValue: MOENGAGE_TIMEOUT_LIMITS_MS.max,
				numberPrecision: 0,
			},
			default: MOENGAGE_DEFAULT_TIMEOUT_MS,
			description:
				"Milliseconds to wait for MoEngage's answer before giving up on the attempt (it is then retried)",
		},
	];
}
