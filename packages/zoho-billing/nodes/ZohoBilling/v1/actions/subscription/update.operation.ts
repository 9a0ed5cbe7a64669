import type { IDataObject } from 'n8n-workflow';

import {
	ZOHO_ACTIONS,
	subscriptionUpdateBody,
	type AddonChange,
} from '../../../../../../../lib/zoho/actions';
import { InputError } from '../../../../../../../lib/input-error';
import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { checkedZohoId } from '../../../../../../../nodes/shared/zoho-billing/client';
import { recordLocator } from '../../../../../../../nodes/shared/zoho-billing/parameters';
import { recordWrite } from '../../../../../../../nodes/shared/zoho-billing/write';

const action = ZOHO_ACTIONS.updateSubscription;

export const { option, properties, execute } = recordWrite(LOOKUP_RESOURCES.subscription, action, {
	option: {
		name: 'Update',
		description: `Change a subscription's plan, quantity, price or add-ons, now or at the end of the term; everything else (prices, taxes, add-ons, payment method) is sent back as the subscription has it (two calls: the subscription is read first; needs the scope ${action.scope})`,
		action: 'Update a subscription',
	},
	locator: 'The subscription to change',
	properties: [
		{
			...recordLocator(
				LOOKUP_RESOURCES.plan,
				"The plan to move the subscription to; empty keeps its plan. A new plan is billed at its own list price: a negotiated price of the current plan is not carried over (set Plan Price to give one). The plan line's tax is kept.",
			),
			displayName: 'New Plan',
			name: 'newPlan',
			required: false,
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Apply at End of Term',
					name: 'endOfTerm',
					type: 'boolean',
					default: false,
					description:
						'Whether the change takes effect when the current term ends instead of now (Zoho charges or credits the difference of a change made now)',
				},
				{
					displayName: 'Plan Price',
					name: 'price',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
					description:
						"The plan's price per unit for this subscription, in its currency. Not set: the current price is kept (a new plan's list price with New Plan).",
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: 1,
					description: "The plan's quantity (seats, units)",
				},
				{
					displayName: 'Reference ID',
					name: 'referenceId',
					type: 'string',
					default: '',
					description: 'Your own reference for the subscription',
				},
			],
		},
		{
			displayName: 'Add-Ons',
			name: 'addonsMode',
			type: 'options',
			options: [
				{
					name: 'Keep as They Are',
					value: 'keep',
					description: 'Sent back with their quantities, prices and taxes',
				},
				{
					name: 'Replace With',
					value: 'replace',
					description: 'The subscription has exactly the add-ons listed below afterwards',
				},
			],
			default: 'keep',
		},
		{
			displayName: 'Add-On List',
			name: 'addons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Add-On',
			default: {},
			description:
				'The add-ons afterwards; none removes them all. An add-on the subscription already has keeps its price and tax.',
			displayOptions: { show: { addonsMode: ['replace'] } },
			options: [
				{
					displayName: 'Add-On',
					name: 'addon',
					values: [
						{
							displayName: 'Add-On Code',
							name: 'addonCode',
							type: 'string',
							default: '',
							placeholder: 'extra-seat',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { minValue: 1, numberPrecision: 0 },
							default: 1,
						},
					],
				},
			],
		},
	],
	readsFirst: true,
	// The subscription is read first: Zoho's update takes the whole plan and add-on lines, so what the
	// user does not change is sent back as Zoho holds it (lib/zoho/actions.ts).
	async request(_subscriptionId, itemIndex, readRecord) {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const replaceAddons = this.getNodeParameter('addonsMode', itemIndex, 'keep') === 'replace';
		const newPlan = this.getNodeParameter('newPlan', itemIndex, '', { extractValue: true });
		const planCode =
			String(newPlan ?? '').trim() === ''
				? undefined
				: checkedZohoId.call(this, LOOKUP_RESOURCES.plan, newPlan, itemIndex);
		if (planCode === undefined && Object.keys(fields).length === 0 && !replaceAddons)
			throw new InputError(
				'Choose a New Plan, add a field to Update Fields, or choose Add-Ons: Replace With',
			);
		const addons = replaceAddons
			? (this.getNodeParameter('addons.addon', itemIndex, []) as AddonChange[])
			: undefined;
		const current = await readRecord();
		const body = subscriptionUpdateBody(current, {
			planCode,
			quantity: fields.quantity,
			price: fields.price,
			endOfTerm: fields.endOfTerm as boolean | undefined,
			referenceId: fields.referenceId,
			addons,
		}) as IDataObject;
		return { body };
	},
});
