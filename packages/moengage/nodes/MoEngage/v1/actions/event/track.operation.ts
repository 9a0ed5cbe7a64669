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
	optionsCollection,
} from '../common.description';

const show = { resource: ['event'], operation: ['track'] };

export const description: INodeProperties[] = [
	...identityProperties(show),
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'renewal_reminder_sent',
		description: 'Use snake_case; must not start with moe_ or contain a dot',
		displayOptions: { show },
	},
	...customAttributeProperties(show, 'Event Attributes', 'eventAttributes'),
	optionsCollection(show, [
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

export function buildElements(
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
