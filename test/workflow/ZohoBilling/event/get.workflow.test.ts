/**
 * Zoho Billing node, Event > Get, inside n8n-core's WorkflowExecute against the Zoho Billing stand-in:
 * the OAuth token and organization header, Zoho's errors, paired items.
 */
import { eventsApiRecords } from '../../../fixtures';
import { zohoCredentials } from '../../../support/credentials';
import { ZOHO_BILLING_NODE as NODE, zohoBillingNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { ZOHO_ACCESS_TOKEN_PREFIX, ZOHO_ORG_ID } from '../../../support/stand-ins/zoho-billing';
import { zohoBillingForEachTest } from '../../../support/for-each-test';

const zoho = zohoBillingForEachTest((zoho) => {
	zoho.events = eventsApiRecords(8);
});

const eventsNode = (parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
	zohoBillingNode({ resource: 'event', ...parameters }, settings);

describe('Event > Get', () => {
	it('fetches the event with the OAuth token and organization header, payload parsed and normalized', async () => {
		const target = zoho.events[2];
		const { output } = await runWorkflow({
			items: [{ id: target.event_id }],
			nodes: [eventsNode({ operation: 'get', eventId: '={{ $json.id }}' })],
			credentials: zohoCredentials(zoho),
		});

		const request = zoho.requests[0];
		expect(zoho.requests).toHaveLength(1);
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/billing/v1/events/${target.event_id}`);
		expect(request.headers.authorization).toBe(`Bearer ${ZOHO_ACCESS_TOKEN_PREFIX}1`);
		expect(request.headers['x-com-zoho-subscriptions-organizationid']).toBe(ZOHO_ORG_ID);

		const [item] = output(NODE);
		const payload = JSON.parse(target.payload);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			event_id: target.event_id,
			event_type: 'payment_thankyou',
			resource: 'payment',
			payload,
			payment: payload.data.payment,
			customer: { email: 'ana.silva@example.com' },
		});
	});

	it('keeps one output item per input item, paired to it', async () => {
		const ids = [zoho.events[0].event_id, zoho.events[1].event_id, zoho.events[3].event_id];
		const { output } = await runWorkflow({
			items: ids.map((id) => ({ id })),
			nodes: [eventsNode({ operation: 'get', eventId: '={{ $json.id }}' })],
			credentials: zohoCredentials(zoho),
		});
		expect(output(NODE).map((item) => [item.json.event_id, item.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 1 }],
			[ids[2], { item: 2 }],
		]);
	});

	it("fails at once on a 4xx with Zoho's message and code, without retrying", async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: '999' })],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe('Zoho Billing error 1002: Event does not exist.');
		expect((error(NODE) as { httpCode?: string }).httpCode).toBe('404');
		expect(zoho.requests).toHaveLength(1);
	});

	it('treats HTTP 200 with a non-zero code as an error', async () => {
		zoho.failNext({ status: 200, body: { code: 1001, message: 'Internal error' }, times: 1 });
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe('Zoho Billing error 1001: Internal error');
	});

	it('refuses an event ID that is not an ID before calling Zoho', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: '../organizations' })],
			credentials: zohoCredentials(zoho),
		});
		expect(error(NODE)?.message).toBe(
			'Event ID must be a Zoho event ID such as 90300000005337, got "../organizations"',
		);
		expect(zoho.requests).toHaveLength(0);
	});

	it('with Continue On Fail, reports the failing item and carries on with the others', async () => {
		const { output } = await runWorkflow({
			items: [{ id: zoho.events[0].event_id }, { id: '404404' }, { id: zoho.events[1].event_id }],
			nodes: [
				eventsNode({ operation: 'get', eventId: '={{ $json.id }}' }, { continueOnFail: true }),
			],
			credentials: zohoCredentials(zoho),
		});
		const items = output(NODE);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({
			json: { event_id: zoho.events[0].event_id },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toEqual({
			json: { error: 'Zoho Billing error 1002: Event does not exist.', description: 'HTTP 404.' },
			pairedItem: { item: 1 },
		});
		expect(items[2]).toMatchObject({
			json: { event_id: zoho.events[1].event_id },
			pairedItem: { item: 2 },
		});
	});

	it("surfaces a wrong organization ID with Zoho's message", async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [eventsNode({ operation: 'get', eventId: zoho.events[0].event_id })],
			credentials: zohoCredentials(zoho, { organizationId: '111' }),
		});
		expect(error(NODE)?.message).toBe(
			'Zoho Billing error 2: Invalid value passed for X-com-zoho-subscriptions-organizationid',
		);
	});
});
