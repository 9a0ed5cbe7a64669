/** MoEngage node, Event > Track, inside n8n-core's WorkflowExecute against the MoEngage stand-in. */
import { moEngageCredentials } from '../../../support/credentials';
import { MOENGAGE_NODE as NODE, moEngageNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { MOENGAGE_WORKSPACE_ID } from '../../../support/stand-ins/moengage';
import { moEngageForEachTest } from '../../../support/for-each-test';

const moEngage = moEngageForEachTest();

describe('Event > Track', () => {
	it('sends the event with attributes, platform and a UTC time, defaulting to now', async () => {
		const before = Date.now();
		await runWorkflow({
			items: [{ id: 'u-1001' }],
			nodes: [
				moEngageNode({
					resource: 'event',
					operation: 'track',
					identifyBy: 'customerId',
					customerId: '={{ $json.id }}',
					eventName: 'renewal_reminder_sent',
					eventAttributesMode: 'keyValue',
					eventAttributesUi: { attribute: [{ key: 'days_left', value: '3' }] },
					options: { sendMode: 'perItem', platform: 'web' },
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		const [request] = moEngage.requests;
		expect(request.path).toBe(`/v1/event/${MOENGAGE_WORKSPACE_ID}`);
		expect(request.body).toEqual({
			type: 'event',
			customer_id: 'u-1001',
			actions: [
				{
					action: 'renewal_reminder_sent',
					attributes: { days_left: '3' },
					current_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
					platform: 'web',
				},
			],
		});
		const sent = Date.parse(request.body.actions[0].current_time);
		expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(sent).toBeLessThanOrEqual(Date.now());
	});

	it('sends a given past time in UTC and refuses a future one', async () => {
		const { output } = await runWorkflow({
			items: [{ at: '2026-11-02T15:28:59-0400' }, { at: '2999-01-01T00:00:00Z' }],
			nodes: [
				moEngageNode(
					{
						resource: 'event',
						operation: 'track',
						identifyBy: 'customerId',
						customerId: 'u-1001',
						eventName: 'plan_viewed',
						options: { time: '={{ $json.at }}' },
					},
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.events.map((event) => event.actions[0].current_time)).toEqual([
			'2026-11-02T19:28:59Z',
		]);
		expect(output(NODE)[1].json.error).toBe(
			'Time 2999-01-01T00:00:00Z is in the future; MoEngage does not accept future events',
		);
	});
});
