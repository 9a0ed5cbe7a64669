/**
 * The MoEngage node inside n8n-core's WorkflowExecute against a stand-in that behaves as MoEngage
 * documents, not as the node might assume: events create their user, Bulk Import answers 200 whatever
 * becomes of its elements, and a request that timed out may still have been recorded.
 */
import { normalizeZohoEvent } from '../../lib/zoho/normalize-event';
import { zohoEvent } from '../fixtures';
import { moEngageCredentials } from '../support/credentials';
import { PACKAGE, runWorkflow } from '../support/run-workflow';
import { MoEngageStandIn } from '../support/stand-ins/moengage';

const NODE = 'MoEngage';

let moEngage: MoEngageStandIn;
beforeEach(async () => {
	moEngage = new MoEngageStandIn();
	await moEngage.start();
});
afterEach(async () => await moEngage.stop());

const credentials = () => moEngageCredentials(moEngage.baseUrl);

function moEngageNode(parameters: Record<string, unknown>) {
	return {
		name: NODE,
		type: `${PACKAGE}.moEngage`,
		parameters,
		credentials: { moEngageApi: { id: '3', name: 'MoEngage' } },
		continueOnFail: true,
	};
}

/** A payment_declined event as the Zoho Billing Trigger outputs it, for a customer of this email. */
function declined(email: string, eventId = '2000000041004') {
	const body = zohoEvent('paymentDeclined');
	body.event_id = eventId;
	body.data.payment.email = email;
	const result = normalizeZohoEvent(body);
	if (!result.ok) throw new Error(result.message);
	return result.event;
}

const sync = (options: Record<string, unknown> = {}) =>
	moEngageNode({
		resource: 'zohoBillingEvent',
		operation: 'sync',
		zohoIdentifier: 'email',
		identifierUse: 'customerId',
		options,
	});

describe('Update Existing Users Only', () => {
	it('creates no user: the event, which would create one, is not sent', async () => {
		moEngage.profiles.set('known@example.com', { email: 'known@example.com' });
		const { output } = await runWorkflow({
			items: [declined('new@example.com'), declined('known@example.com', '2000000041005')],
			nodes: [sync({ updateExistingOnly: true })],
			credentials: credentials(),
		});
		expect(output(NODE).map((item) => item.json.status)).toEqual(['accepted', 'accepted']);
		expect(moEngage.profiles.has('new@example.com')).toBe(false);
		expect(moEngage.profiles.get('known@example.com')).toMatchObject({
			zoho_last_payment_status: 'failure',
		});
		expect(moEngage.events).toEqual([]);
		expect(moEngage.users.every((user) => user.update_existing_only === true)).toBe(true);
	});

	it('without it, the event is sent and creates the user as MoEngage does', async () => {
		await runWorkflow({
			items: [declined('new@example.com')],
			nodes: [sync()],
			credentials: credentials(),
		});
		expect(moEngage.events).toHaveLength(1);
		expect(moEngage.profiles.has('new@example.com')).toBe(true);
	});
});

describe('Bulk Import answers 200 whatever it does with the elements', () => {
	const byEmail = (email: string) => ({
		resource: 'user',
		operation: 'createOrUpdate',
		identifyBy: 'email',
		identifierEmail: email,
	});

	it('reports batched items as accepted, not as successful, even those MoEngage drops', async () => {
		// Email is no activated identifier in this workspace: MoEngage drops the element after its 200.
		moEngage.identifiers = [];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [moEngageNode(byEmail('ana@example.com'))],
			credentials: credentials(),
		});
		expect(output(NODE)[0].json).toMatchObject({ status: 'accepted', delivery: 'bulk' });
		expect(moEngage.droppedElements.map((dropped) => dropped.problem)).toEqual([
			'customer_id is not found in the payload',
		]);
	});

	it('One Request per Item gets MoEngage’s verdict on each item', async () => {
		moEngage.identifiers = [];
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [moEngageNode({ ...byEmail('ana@example.com'), options: { sendMode: 'perItem' } })],
			credentials: credentials(),
		});
		expect(output(NODE)[0].json.error).toBe(
			'MoEngage MissingAttributeError: customer_id is not found in the payload',
		);
	});
});

describe('no duplicate events from retries', () => {
	it('does not send again a bulk request with an event that timed out; resends its user update alone', async () => {
		// MoEngage processes the request, but its answer comes after the node's timeout.
		moEngage.failNext({
			status: 200,
			body: { status: 'success', message: 'late' },
			delayMs: 3000,
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [sync({ timeout: 1000 })],
			credentials: credentials(),
		});
		const [item] = output(NODE);
		expect(item.json.error).toBe('MoEngage Error: no answer');
		expect(item.json.description).toContain(
			'not sent again: MoEngage may already have recorded its events',
		);
		expect(item.json.description).toContain(
			'The user updates of these items were sent again on their own and accepted.',
		);
		const requests = moEngage.requestsTo('/v1/transition/');
		expect(
			requests.map((request) => request.body.elements.map((e: { type: string }) => e.type)),
		).toEqual([['customer', 'event'], ['customer']]);
	});

	it.each([
		[
			'a 500',
			{
				status: 500,
				body: { status: 'fail', error: { type: 'ServerError', message: 'Internal Server Error' } },
			},
		],
		['a 502', { status: 502, body: 'Bad Gateway' }],
	])('does not repeat an event request answered with %s', async (_case, reply) => {
		moEngage.failNext({ ...reply, times: 1, pathPrefix: '/v1/event/' });
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [sync({ sendMode: 'perItem', syncAttributes: false })],
			credentials: credentials(),
		});
		expect(output(NODE)[0].json.description).toContain('not sent again');
		expect(moEngage.requestsTo('/v1/event/')).toHaveLength(1);
	});

	it.each([
		[
			'a 429 (MoEngage’s rate limit)',
			{
				status: 429,
				headers: { 'x-ratelimit-reset': '1' },
				body: { status: 'fail', error: { type: 'RateLimitError', message: 'Rate limit exceeded' } },
			},
		],
		[
			'a 503 (unavailable)',
			{
				status: 503,
				headers: { 'retry-after': '1' },
				body: { status: 'fail', error: { type: 'ServiceUnavailable', message: 'Unavailable' } },
			},
		],
	])(
		'sends an event request again after %s, which MoEngage did not process',
		async (_case, reply) => {
			moEngage.failNext({ ...reply, times: 1, pathPrefix: '/v1/event/' });
			const { output } = await runWorkflow({
				items: [declined('ana@example.com')],
				nodes: [sync({ sendMode: 'perItem', syncAttributes: false })],
				credentials: credentials(),
			});
			expect(output(NODE)[0].json.status).toBe('success');
			expect(moEngage.requestsTo('/v1/event/')).toHaveLength(2);
			expect(moEngage.events).toHaveLength(1);
		},
	);

	it('still retries user updates on a timeout or a 500: a repeat cannot harm them', async () => {
		moEngage.failNext({
			status: 500,
			body: { status: 'fail', error: { type: 'ServerError', message: 'Internal Server Error' } },
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [declined('ana@example.com')],
			nodes: [sync({ trackEvent: false })],
			credentials: credentials(),
		});
		expect(output(NODE)[0].json.status).toBe('accepted');
		expect(moEngage.requestsTo('/v1/transition/')).toHaveLength(2);
	});
});
