import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildCustomerElement, type MoEngageElement } from '../../../../../lib/moengage/elements';
import { toMoEngageDate } from '../../../../../lib/moengage/validation';
import { readCustomAttributes, readIdentity, readOptions } from '../../helpers/parameters';
import { customAttributeProperties, identityProperties, optionsCollection } from '../common.description';

const show = { resource: ['user'], operation: ['createOrUpdate'] };

export const description: INodeProperties[] = [
	...identityProperties(show),
	{
		displayName: 'Standard Attributes',
		name: 'standardAttributes',
		type: 'collection',
		placeholder: 'Add Attribute',
		default: {},
		displayOptions: { show },
		options: [
			{ displayName: 'Birthday', name: 'birthday', type: 'dateTime', default: '', description: 'Sent as an ISO 8601 date' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Gender', name: 'gender', type: 'string', default: '', placeholder: 'F' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '', placeholder: '+351912345678' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		],
	},
	...customAttributeProperties(show, 'Custom Attributes', 'customAttributes'),
	optionsCollection(show, [
		{
			displayName: 'Update Existing Users Only',
			name: 'updateExistingOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to only update users MoEngage already knows, never create new ones',
		},
	]),
];

export function buildElements(this: IExecuteFunctions, itemIndex: number): MoEngageElement[] {
	const standard = { ...(this.getNodeParameter('standardAttributes', itemIndex, {}) as IDataObject) };
	if (standard.birthday) standard.birthday = toMoEngageDate(String(standard.birthday).slice(0, 10), 'Birthday');
	const options = readOptions(this, itemIndex);
	return [
		buildCustomerElement({
			identity: readIdentity(this, itemIndex, options),
			standardAttributes: standard,
			customAttributes: readCustomAttributes(this, itemIndex, 'customAttributes', 'Custom Attributes'),
			updateExistingOnly: options.updateExistingOnly === true,
		}),
	];
}
