import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	buildCustomerElement,
	type MoEngageElement,
} from '../../../../../../../lib/moengage/elements';
import { parseFieldList, splitInputFields } from '../../../../../../../lib/moengage/input-fields';
import { toMoEngageDate, type OverLongPolicy } from '../../../../../../../lib/moengage/validation';
import {
	identityOf,
	readCustomAttributes,
	readIdentifyBy,
	readIdentity,
	readOptions,
} from '../../helpers/parameters';
import {
	customAttributeProperties,
	identityProperties,
	sendOptionsCollection,
} from '../common.description';
import { sendsElements } from '../../helpers/elements';

const manual = { dataMode: ['defineBelow'] };
const autoMap = { dataMode: ['autoMapInputData'] };

/** The parameter naming the identifier's input field in auto-map mode, per "Identify User By". */
const IDENTIFIER_FIELDS = {
	customerId: { name: 'customerIdField', displayName: 'Customer ID Field' },
	email: { name: 'emailField', displayName: 'Email Field' },
	mobile: { name: 'mobileField', displayName: 'Mobile Field' },
} as const;
const IDENTIFIER_FIELD_DESCRIPTION =
	"The input field holding the user's identifier. It is not sent as an attribute.";

export const option = {
	name: 'Create or Update',
	description: 'Create a user or update their attributes (Track User API)',
	action: 'Create or update a user',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Data Mode',
		name: 'dataMode',
		type: 'options',
		options: [
			{
				name: 'Auto-Map Input Fields to Attributes',
				value: 'autoMapInputData',
				description:
					"Send every field of the input item as a user attribute under its own name. Use when the fields already have MoEngage's attribute names.",
			},
			{
				name: 'Map Each Attribute Manually',
				value: 'defineBelow',
				description: 'Set the identifier and each attribute below',
			},
		],
		default: 'defineBelow',
	},
	...identityProperties(manual),
	{
		displayName: 'Customer ID Field',
		name: IDENTIFIER_FIELDS.customerId.name,
		type: 'string',
		required: true,
		default: 'customer_id',
		description: IDENTIFIER_FIELD_DESCRIPTION,
		displayOptions: { show: { ...autoMap, identifyBy: ['customerId'] } },
	},
	{
		displayName: 'Email Field',
		name: IDENTIFIER_FIELDS.email.name,
		type: 'string',
		required: true,
		default: 'email',
		description: IDENTIFIER_FIELD_DESCRIPTION,
		displayOptions: { show: { ...autoMap, identifyBy: ['email'] } },
	},
	{
		displayName: 'Mobile Field',
		name: IDENTIFIER_FIELDS.mobile.name,
		type: 'string',
		required: true,
		default: 'mobile',
		description: IDENTIFIER_FIELD_DESCRIPTION,
		displayOptions: { show: { ...autoMap, identifyBy: ['mobile'] } },
	},
	{
		displayName: 'Fields to Leave Out',
		name: 'fieldsToLeaveOut',
		type: 'string',
		default: '',
		placeholder: 'row_number, internal_note',
		description: 'Comma-separated input fields not to send',
		displayOptions: { show: autoMap },
	},
	{
		displayName: 'Standard Attributes',
		name: 'standardAttributes',
		type: 'collection',
		placeholder: 'Add Attribute',
		default: {},
		displayOptions: { show: manual },
		options: [
			{
				displayName: 'Birthday',
				name: 'birthday',
				type: 'dateTime',
				default: '',
				description: 'Sent as an ISO 8601 date',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Gender', name: 'gender', type: 'string', default: '', placeholder: 'F' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			{
				displayName: 'Mobile',
				name: 'mobile',
				type: 'string',
				default: '',
				placeholder: '+351912345678',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		],
	},
	...customAttributeProperties('Custom Attributes', 'customAttributes', manual),
	sendOptionsCollection([
		{
			displayName: 'Update Existing Users Only',
			name: 'updateExistingOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to only update users MoEngage already knows, never create new ones',
		},
	]),
];

function buildElements(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: OverLongPolicy,
): MoEngageElement[] {
	if (this.getNodeParameter('dataMode', itemIndex, 'defineBelow') === 'autoMapInputData')
		return autoMappedElements(this, itemIndex, limits);
	const standard = {
		...(this.getNodeParameter('standardAttributes', itemIndex, {}) as IDataObject),
	};
	if (standard.birthday)
		standard.birthday = toMoEngageDate(String(standard.birthday).slice(0, 10), 'Birthday');
	const options = readOptions(this, itemIndex);
	return [
		buildCustomerElement({
			identity: readIdentity(this, itemIndex, options),
			standardAttributes: standard,
			customAttributes: readCustomAttributes(
				this,
				itemIndex,
				'customAttributes',
				'Custom Attributes',
			),
			updateExistingOnly: options.updateExistingOnly === true,
			limits,
		}),
	];
}

/** Auto-map mode: the identifier and the attributes come straight from the item's fields, no expressions. */
function autoMappedElements(
	context: IExecuteFunctions,
	itemIndex: number,
	limits: OverLongPolicy,
): MoEngageElement[] {
	const options = readOptions(context, itemIndex);
	const identifyBy = readIdentifyBy(context, itemIndex);
	const field = IDENTIFIER_FIELDS[identifyBy];
	const { identifier, attributes } = splitInputFields(
		context.getInputData()[itemIndex].json,
		String(context.getNodeParameter(field.name, itemIndex)),
		parseFieldList(context.getNodeParameter('fieldsToLeaveOut', itemIndex, '')),
		field.displayName,
	);
	return [
		buildCustomerElement({
			identity: identityOf(options, identifyBy, String(identifier)),
			customAttributes: attributes,
			customAttributesLabel: 'Input Fields',
			updateExistingOnly: options.updateExistingOnly === true,
			limits,
		}),
	];
}

export const execute = sendsElements(buildElements);
