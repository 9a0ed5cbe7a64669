import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkedCustomFields, customFieldWrites } from '../../../lib/zoho/custom-fields';

/**
 * Custom Fields of the Zoho Billing writes, in one place: the parameter, what an item entered
 * (checked before any call), and the `custom_fields` a write sends (lib/zoho/custom-fields.ts).
 */
export const customFields = {
	/**
	 * Custom fields to set, by label (how Zoho takes them in writes), or by API name where the record
	 * read before the write shows the field.
	 */
	property(): INodeProperties {
		return {
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			description:
				'Custom fields to set, each by its label as Zoho Billing shows it (e.g. Tier). Where the record already shows the field, its API name works too (cf_tier, as Get outputs it under custom_fields_by_api_name); Zoho takes custom fields by label.',
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'Tier',
							description:
								"The field's label, or its API name (cf_…) when the record shows the field",
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'The value to set; empty clears it',
						},
					],
				},
			],
		};
	},

	/**
	 * The Custom Fields entered for an item, as field name to value; malformed ones (or none, when
	 * `required`) fail the item here, before any call.
	 */
	read(
		context: IExecuteFunctions,
		itemIndex: number,
		{ required = false }: { required?: boolean } = {},
	): Record<string, unknown> {
		const entered = context.getNodeParameter('customFields.field', itemIndex, []) as Array<{
			name?: unknown;
			value?: unknown;
		}>;
		const fields: Record<string, unknown> = {};
		for (const { name, value } of entered) fields[String(name ?? '')] = value;
		if (required || Object.keys(fields).length > 0) checkedCustomFields(fields);
		return fields;
	},

	/**
	 * The `custom_fields` of a write setting `wanted`: named as `record` (as Zoho returned it) shows
	 * them, or by label when creating (`record` undefined).
	 */
	body(
		record: IDataObject | undefined,
		wanted: Record<string, unknown>,
		recordName: string,
	): IDataObject[] {
		return customFieldWrites(record?.custom_fields, wanted, recordName) as unknown as IDataObject[];
	},
};
