import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { packageDoc } from '../../../../../../../lib/docs-links';
import {
	buildCustomerElement,
	buildEventElement,
	type MoEngageElement,
	type MoEngageIdentity,
} from '../../../../../../../lib/moengage/elements';
import {
	asNormalizedZohoEvent,
	findZohoIdentifier,
	missingIdentifierMessage,
	toMoEngageAttributes,
	toMoEngageCustomFieldAttributes,
	toMoEngageEvent,
	zohoIdentifier,
	type ZohoIdentifierSource,
} from '../../../../../../../lib/moengage/zoho-to-moengage';
import type { OverLongPolicy } from '../../../../../../../lib/moengage/validation';
import { identityResolution, readOptions } from '../../helpers/parameters';
import { SkippedItem, sendsElements } from '../../helpers/elements';
import { sendOptionsCollection } from '../common.description';

export const option = {
	name: 'Sync',
	description: "Update the user's billing attributes and track the event (Zoho Billing preset)",
	action: 'Sync a billing event',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			"Connect after a Zoho Billing trigger or the Zoho Billing node. Each event updates the user's subscription, invoice and payment attributes and records a MoEngage event named after the Zoho event type. " +
			`Every attribute key: <a href="${packageDoc('docs/moengage-attributes.md')}" target="_blank">MoEngage attributes</a>.`,
		name: 'presetNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Identify Users By',
		name: 'zohoIdentifier',
		type: 'options',
		options: [
			{ name: 'Customer Email', value: 'email' },
			{ name: 'Customer Mobile or Phone', value: 'mobile' },
			{ name: 'Zoho Customer ID', value: 'zohoCustomerId' },
		],
		default: 'email',
		description: 'Which value of the Zoho customer identifies the user in MoEngage',
	},
	{
		displayName: 'Send Identifier As',
		name: 'identifierUse',
		type: 'options',
		options: [
			{
				name: 'Customer ID',
				value: 'customerId',
				description: "Use the value as MoEngage's customer_id",
			},
			{
				name: 'Identity Resolution Identifier',
				value: 'identityResolution',
				description: 'For workspaces with identity resolution on email or mobile',
			},
		],
		default: 'customerId',
		displayOptions: { show: { zohoIdentifier: ['email', 'mobile'] } },
	},
	sendOptionsCollection([
		{
			displayName: 'Event Name Prefix',
			name: 'eventNamePrefix',
			type: 'string',
			default: '',
			placeholder: 'zoho_',
			description:
				'Put before the Zoho event type to name the MoEngage event, e.g. zoho_ gives zoho_payment_declined',
		},
		{
			displayName: 'Include Custom Fields',
			name: 'includeCustomFields',
			type: 'boolean',
			default: false,
			description:
				"Whether to also send the Zoho custom fields of the item's customer, subscription and invoice, as attributes named zoho_cf_ and the field's API name without cf_",
		},
		{
			displayName: 'Skip Events Without Identifier',
			name: 'skipWithoutIdentifier',
			type: 'boolean',
			default: false,
			description:
				'Whether to output events whose customer lacks the identifier (e.g. no email) as skipped, with the reason, instead of failing them',
		},
		{
			displayName: 'Track Event',
			name: 'trackEvent',
			type: 'boolean',
			default: true,
			description: 'Whether to record a MoEngage event named after the Zoho event type',
		},
		{
			displayName: 'Update Existing Users Only',
			name: 'updateExistingOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to only update users MoEngage already knows, never create new ones. MoEngage creates the user of any event it receives, so with this on no event is sent.',
		},
		{
			displayName: 'Update User Attributes',
			name: 'syncAttributes',
			type: 'boolean',
			default: true,
			description: "Whether to update the user's subscription, invoice and payment attributes",
		},
	]),
];

function buildElements(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: OverLongPolicy,
): MoEngageElement[] {
	const event = asNormalizedZohoEvent(this.getInputData()[itemIndex].json);
	const options = readOptions(this, itemIndex);
	const source = this.getNodeParameter('zohoIdentifier', itemIndex) as ZohoIdentifierSource;
	const use =
		source === 'zohoCustomerId'
			? 'customerId'
			: (this.getNodeParameter('identifierUse', itemIndex) as string);
	if (options.skipWithoutIdentifier === true && !findZohoIdentifier(event, source))
		throw new SkippedItem(missingIdentifierMessage(event, source));
	const value = zohoIdentifier(event, source);
	const identity: MoEngageIdentity =
		use === 'identityResolution' && source !== 'zohoCustomerId'
			? identityResolution(options, source, value)
			: { customerId: value };

	const updateExistingOnly = options.updateExistingOnly === true;
	const elements: MoEngageElement[] = [];
	if (options.syncAttributes !== false) {
		elements.push(
			buildCustomerElement({
				identity,
				standardAttributes: toMoEngageAttributes(event),
				customAttributes:
					options.includeCustomFields === true ? toMoEngageCustomFieldAttributes(event) : {},
				customAttributesLabel: 'Zoho custom fields',
				updateExistingOnly,
				limits,
			}),
		);
	}
	// MoEngage creates the user of any event it receives, so an event would undo Update Existing Users
	// Only: with that option no event is sent (data-overview.mdx; the option says so).
	if (options.trackEvent !== false && !updateExistingOnly) {
		const mirrored = toMoEngageEvent(event, new Date(), String(options.eventNamePrefix ?? ''));
		elements.push(buildEventElement({ identity, ...mirrored, limits }));
	}
	return elements;
}

export const execute = sendsElements(buildElements);
