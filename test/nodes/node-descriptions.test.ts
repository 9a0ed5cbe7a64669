import { NodeHelpers } from 'n8n-workflow';

import { MoEngage } from '../../nodes/MoEngage/MoEngage.node';
import { ZohoBilling } from '../../nodes/ZohoBilling/ZohoBilling.node';
import { ZohoBillingTrigger } from '../../nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { ZOHO_EVENT_TYPES } from '../../lib/zoho/event-types';

describe('node descriptions', () => {
	const trigger = new ZohoBillingTrigger().description;
	const events = NodeHelpers.getVersionedNodeType(new ZohoBilling(), 1).description;

	it('the trigger answers as soon as the request arrives (workflow runs after), and is not an AI tool', () => {
		// No expression anywhere: n8n would evaluate it in its expression sandbox on every delivery.
		expect(trigger.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		]);
		expect(trigger.usableAsTool).toBeUndefined();
	});

	it('the trigger offers "All Events" plus every catalogued event type', () => {
		const events = trigger.properties.find((property) => property.name === 'events');
		const values = events?.options?.map((option) => (option as { value: string }).value);
		expect(values).toEqual(['*', ...ZOHO_EVENT_TYPES.map((eventType) => eventType.name)]);
		expect(events?.default).toEqual(['*']);
	});

	it('the Zoho Billing node is usable as an AI tool and needs the OAuth2 credential', () => {
		expect(events.usableAsTool).toBe(true);
		expect(events.credentials).toEqual([{ name: 'zohoBillingOAuth2Api', required: true }]);
		expect(new ZohoBilling().description.defaultVersion).toBe(1);
	});

	it('the MoEngage node is usable as an AI tool, defaults to the Zoho Billing preset, and needs its credential', () => {
		const moEngage = NodeHelpers.getVersionedNodeType(new MoEngage(), 1).description;
		expect(moEngage.usableAsTool).toBe(true);
		expect(moEngage.credentials).toEqual([{ name: 'moEngageApi', required: true }]);
		expect(moEngage.properties.find((property) => property.name === 'resource')?.default).toBe(
			'zohoBillingEvent',
		);
	});
});
