import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	EVENT_PLATFORMS,
	buildEventElement,
	type MoEngageElement,
} from '../../../../../../../lib/moengage/elements';
import { eventTime, type OverLongPolicy } from '../../../../../../../lib/moengage/validation';
import { readCustomAttributes, readIdentity, readOptions } from '../../helpers/parameters';
import {
	customAttributeProperties,
	identityProperties,
	sendOptionsCollection,
} from '../common.description';
import { sendsElements } from '../../helpers/elements';

export const option = {
	name: 'Track',
	description: 'Record an event for a user (Create Event API)',
	action: 'Track an event',
};

export const properties: INodeProperties[] = [
	...identityProperties(),
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'renewal_reminder_sent',
		description: 'Use snake_case; must not start with moe_ or contain a dot',
	},
	...customAttributeProperties('Event Attributes', 'eventAttributes'),
	sendOptionsCollection([
		{
			displayName: 'Platform',
			name: 'platform',
			type: 'options',
			options: EVENT_PLATFORMS.map((platform) => ({ name: platform, value: platform })),
			default: 'unknown',
		},
		{
			displayName: 'Time',
			name: 'time',
			type: 'dateTime',
			default: '',
			description:
				'When the event happened. Defaults to now; MoEngage refuses times in the future.',
		},
	]),
];

function buildElements(
	this: IExecuteFunctions,
	itemIndex: number,
	limits: OverLongPolicy,
): MoEngageElement[] {
	const options = readOptions(this, itemIndex);
	return [
		buildEventElement({
			identity: readIdentity(this, itemIndex, options),
			name: this.getNodeParameter('eventName', itemIndex) as string,
			attributes: readCustomAttributes(this, itemIndex, 'eventAttributes', 'Event Attributes'),
			time: eventTime(options.time, new Date(), 'Time'),
			platform: options.platform as string | undefined,
			limits,
		}),
	];
}

export const execute = sendsElements(buildElements);
