/**
 * The package inside a real n8n (the pinned 2.40.x), the way users run it: installed as a community
 * package, credentials imported with `n8n import:credentials`, the example workflow imported and
 * published, webhooks posted to the production URL, and Zoho Billing and MoEngage played by the
 * stand-ins on 127.0.0.1.
 */
import { sleep } from 'n8n-workflow';

import enrichExample from '../../examples/zoho-billing-enrich-with-subscription.json';
import reminderExample from '../../examples/zoho-billing-payment-declined-reminder.json';
import {
	asEventsApiRecord,
	CAPTURED_NUMERIC_IDS,
	capturedZohoWebhook,
	zohoEvent,
	zohoRecord,
	type ZohoEventName,
} from '../fixtures';
import { expectedEvents, expectedUserUpdates } from '../fixtures/expected-moengage';
import { MOENGAGE_AUTHORIZATION, MOENGAGE_WORKSPACE_ID } from '../support/stand-ins/moengage';
import { ZOHO_ORG_ID } from '../support/stand-ins/zoho-billing';
import {
	ExampleEnvironment,
	exampleWithoutDeduplication,
	isFinished,
	PACKAGE,
	SYNC_WEBHOOK_PATH as SYNC_WEBHOOK,
	withNodeParameters,
} from '../support/example-environment';
import { signZohoWebhook } from '../support/zoho-webhook-signer';
import { N8nInstance } from '../support/n8n-instance';

const EVENTS_WORKFLOW_ID = 'zohoEventsBackfill1';
const enrichTrigger = enrichExample.nodes.find(
	(node) => node.type === `${PACKAGE}.zohoBillingTrigger`,
) as { webhookId: string };
const ENRICH_WEBHOOK = `${enrichTrigger.webhookId}/webhook`;

/** A second workflow: a plain n8n Webhook that runs Zoho Billing > Event > Get Many and answers with it. */
const eventsWorkflow = {
	id: EVENTS_WORKFLOW_ID,
	name: 'E2E: list Zoho Billing events',
	nodes: [
		{
			id: 'e1',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
			parameters: {
				httpMethod: 'POST',
				path: 'e2e-zoho-events',
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		},
		{
			id: 'e2',
			name: 'Zoho Billing',
			type: `${PACKAGE}.zohoBilling`,
			typeVersion: 1,
			position: [260, 0],
			parameters: { resource: 'event', operation: 'getAll', returnAll: true },
			credentials: {
				zohoBillingOAuth2Api: { id: 'zohoBillingAccount', name: 'Zoho Billing account' },
			},
		},
	],
	connections: { Webhook: { main: [[{ node: 'Zoho Billing', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
};

/**
 * The high-volume path (docs/usage.md, "High volume"): n8n's Webhook node (raw body, answered by Respond to Webhook) >
 * Zoho Billing: Verify a webhook, whose error output answers 401, > Sync a billing event.
 */
const VERIFY_PATH = 'e2e-zoho-verify';
const respondWith = (name: string, body: object, responseCode?: number) => ({
	name,
	type: 'n8n-nodes-base.respondToWebhook',
	typeVersion: 1.1,
	parameters: {
		respondWith: 'json',
		responseBody: JSON.stringify(body),
		options: responseCode ? { responseCode } : {},
	},
});
const verifyWorkflow = {
	id: 'zohoVerifyWebhook1',
	name: 'E2E: Webhook > Verify a webhook > Sync a billing event',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4e',
			parameters: {
				httpMethod: 'POST',
				path: VERIFY_PATH,
				responseMode: 'responseNode',
				options: { rawBody: true },
			},
		},
		{
			name: 'Verify Zoho webhook',
			type: `${PACKAGE}.zohoBilling`,
			typeVersion: 1,
			parameters: { resource: 'webhook', operation: 'verify' },
			credentials: {
				zohoBillingWebhookApi: {
					id: 'zohoBillingWebhookSecret',
					name: 'Zoho Billing webhook secret',
				},
			},
			onError: 'continueErrorOutput',
		},
		respondWith('Accepted', { code: 0, message: 'Event received' }),
		respondWith('Refused', { code: 401, message: 'Invalid signature' }, 401),
		// The webhook example's own Sync a billing event (its credential is set at import).
		exampleWithoutDeduplication().nodes.find((node) => node.type === `${PACKAGE}.moEngage`) as {
			name: string;
			type: string;
		},
	].map((node, index) => ({ id: `v${index}`, position: [index * 220, 0], ...node })),
	connections: {
		'Webhook': { main: [[{ node: 'Verify Zoho webhook', type: 'main', index: 0 }]] },
		'Verify Zoho webhook': {
			main: [
				[{ node: 'Accepted', type: 'main', index: 0 }],
				[{ node: 'Refused', type: 'main', index: 0 }],
			],
		},
		'Accepted': { main: [[{ node: 'Sync a billing event', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	active: false,
};

/**
 * The write steps in a real n8n: a Webhook > Zoho Billing: Update a customer (a custom field by API
 * name) > Zoho Billing: Update a subscription (the quantity alone) > MoEngage: Merge two users,
 * answered with the merge's output.
 */
const WRITES_PATH = 'e2e-zoho-writes';
const writesWorkflow = {
	id: 'zohoWritesMerge01',
	name: 'E2E: update a Zoho customer and subscription, merge two MoEngage users',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4f',
			parameters: {
				httpMethod: 'POST',
				path: WRITES_PATH,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		},
		{
			name: 'Set the tier',
			type: `${PACKAGE}.zohoBilling`,
			typeVersion: 1,
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: '={{ $json.body.customer_id }}' },
				customFields: { field: [{ name: 'cf_tier', value: '={{ $json.body.tier }}' }] },
			},
		},
		{
			name: 'Add seats',
			type: `${PACKAGE}.zohoBilling`,
			typeVersion: 1,
			parameters: {
				resource: 'subscription',
				operation: 'update',
				subscriptionId: {
					__rl: true,
					mode: 'id',
					value: "={{ $('Webhook').item.json.body.subscription_id }}",
				},
				updateFields: { quantity: "={{ $('Webhook').item.json.body.seats }}" },
			},
		},
		{
			name: 'Merge the duplicate',
			type: `${PACKAGE}.moEngage`,
			typeVersion: 1,
			parameters: {
				resource: 'user',
				operation: 'merge',
				retainedUser: "={{ $('Set the tier').item.json.email }}",
				mergedUser: "={{ $('Webhook').item.json.body.duplicate }}",
			},
		},
	].map((node, index) => ({ id: `w${index}`, position: [index * 220, 0], ...node })),
	connections: {
		'Webhook': { main: [[{ node: 'Set the tier', type: 'main', index: 0 }]] },
		'Set the tier': { main: [[{ node: 'Add seats', type: 'main', index: 0 }]] },
		'Add seats': { main: [[{ node: 'Merge the duplicate', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	active: false,
};

/** The payment-declined example, its 3-day wait shortened to 2 seconds. */
const reminderTrigger = reminderExample.nodes.find(
	(node) => node.type === `${PACKAGE}.zohoBillingTrigger`,
) as { webhookId: string };
const REMINDER_WEBHOOK = `${reminderTrigger.webhookId}/webhook`;
const reminderWorkflow = {
	...withNodeParameters(reminderExample, 'paymentDeclinedRm1', 'n8n-nodes-base.wait', {
		amount: 2,
		unit: 'seconds',
	}),
	webhookPath: REMINDER_WEBHOOK,
};

let environment: ExampleEnvironment;

const sign = (body: string, secret?: string) => signZohoWebhook(body, secret);

async function postWebhook(body: string, signature?: string) {
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		...(signature === undefined ? {} : { 'x-zoho-webhook-signature': signature }),
	};
	const { status, body: text } = await environment.post(SYNC_WEBHOOK, body, headers);
	return { status, body: text };
}

async function executionCount(): Promise<number> {
	return (await environment.executions()).length;
}

beforeAll(async () => {
	environment = await ExampleEnvironment.start({
		n8n: () => N8nInstance.create(),
		workflows: [
			{ ...eventsWorkflow, webhookPath: 'e2e-zoho-events' },
			{ ...verifyWorkflow, webhookPath: VERIFY_PATH },
			{ ...enrichExample, id: 'enrichWithSubscr1', webhookPath: ENRICH_WEBHOOK },
			{ ...writesWorkflow, webhookPath: WRITES_PATH },
			reminderWorkflow,
		],
	});
	environment.zoho.records.subscriptions = [zohoRecord('subscription')];
	environment.zoho.events = Array.from({ length: 450 }, (_, index) => {
		const body = zohoEvent(
			(['subscriptionCreated', 'invoiceCreated', 'paymentThankyou'] as const)[index % 3],
		);
		return asEventsApiRecord({ ...body, event_id: String(4000000000000 + index) });
	});
}, 900_000);

afterAll(async () => {
	await environment?.stop();
	environment?.n8n.cleanUp();
});

describe('the package in a real n8n', () => {
	it('is listed with all its nodes and credentials, loaded without errors', async () => {
		const nodes = (await environment.n8n.rest('/types/nodes.json')) as Array<{ name: string }>;
		const credentials = (await environment.n8n.rest('/types/credentials.json')) as Array<{
			name: string;
		}>;
		const ours = (names: Array<{ name: string }>) =>
			names
				.map((entry) => entry.name)
				.filter((name) => name.startsWith(PACKAGE) || /zohoBilling|moEngage/i.test(name));
		expect(ours(nodes)).toEqual(
			expect.arrayContaining([
				`${PACKAGE}.moEngage`,
				`${PACKAGE}.zohoBilling`,
				`${PACKAGE}.zohoBillingTrigger`,
			]),
		);
		expect(ours(credentials).sort()).toEqual([
			'moEngageApi',
			'zohoBillingOAuth2Api',
			'zohoBillingWebhookApi',
		]);
		const problems = environment.n8n
			.log()
			.split('\n')
			.filter(
				(line) =>
					/error|fail|warn/i.test(line) &&
					/zoho|moengage|community|package|nodes-loader/i.test(line),
			);
		expect(problems).toEqual([]);
	});

	it('offers the two regular nodes as AI agent tools, and the trigger not', async () => {
		const names = (
			(await environment.n8n.rest('/types/nodes.json')) as Array<{ name: string }>
		).map((node) => node.name);
		expect(names).toEqual(
			expect.arrayContaining([`${PACKAGE}.zohoBillingTool`, `${PACKAGE}.moEngageTool`]),
		);
		expect(names).not.toContain(`${PACKAGE}.zohoBillingTriggerTool`);
	});

	it("serves every icon of the nodes and credentials from its service's one icons folder", async () => {
		type Described = { name: string; iconUrl?: string | { light: string; dark: string } };
		const described = [
			...((await environment.n8n.rest('/types/nodes.json')) as Described[]),
			...((await environment.n8n.rest('/types/credentials.json')) as Described[]),
		].filter(
			(entry) => entry.name.startsWith(PACKAGE) || /^(zohoBilling|moEngage)/.test(entry.name),
		);
		const urls = new Set(
			described.flatMap(({ iconUrl }) =>
				typeof iconUrl === 'string' ? [iconUrl] : iconUrl ? [iconUrl.light, iconUrl.dark] : [],
			),
		);
		// Four distinct icons: Zoho Billing and MoEngage, light and dark.
		expect([...urls].sort()).toHaveLength(4);
		for (const url of urls) {
			// The combined package keeps the repository's layout: each service's icons in its folder.
			expect(url).toMatch(
				/\/dist\/packages\/(zoho-billing\/icons\/zohoBilling|moengage\/icons\/moengage)(\.dark)?\.svg$/,
			);
			const response = await fetch(`${environment.n8n.baseUrl}/${url}`, {
				headers: { cookie: environment.n8n.cookie },
			});
			expect([url, response.status, (await response.text()).slice(0, 200)]).toEqual([
				url,
				200,
				expect.stringContaining('<svg'),
			]);
		}
	});

	it.each([['subscriptionCreated'], ['invoiceCreated'], ['paymentDeclined']] as Array<
		[keyof typeof expectedUserUpdates & ZohoEventName]
	>)('syncs a signed %s webhook into the exact MoEngage user update and event', async (fixture) => {
		const usersBefore = environment.moEngage.users.length;
		const body = JSON.stringify(zohoEvent(fixture));
		const answer = await postWebhook(body, sign(body));
		expect(answer).toEqual({ status: 200, body: '{"code":0,"message":"Event received"}' });

		const user = await environment.until(
			`the ${fixture} user update`,
			() => environment.moEngage.users[usersBefore],
		);
		expect(user).toEqual(expectedUserUpdates[fixture]);
		const event = environment.moEngage.events[environment.moEngage.events.length - 1];
		expect([event.customer_id, event.actions[0].action, event.actions[0].current_time]).toEqual(
			expectedEvents[fixture],
		);
		const request = environment.moEngage.requests[environment.moEngage.requests.length - 1];
		expect(request.path).toBe(`/v1/transition/${MOENGAGE_WORKSPACE_ID}`);
		expect(request.headers.authorization).toBe(MOENGAGE_AUTHORIZATION);
	});

	it('syncs a webhook in the shape real Zoho accounts send: numeric IDs, a date-only event_time', async () => {
		const eventsBefore = environment.moEngage.events.length;
		const body = capturedZohoWebhook('subscription_upgraded');
		expect(await postWebhook(body, sign(body))).toEqual({
			status: 200,
			body: '{"code":0,"message":"Event received"}',
		});
		const event = await environment.until(
			'the captured event',
			() => environment.moEngage.events[eventsBefore],
		);
		expect(event.customer_id).toBe('rui.costa@example.com');
		expect(event.actions[0]).toMatchObject({
			action: 'subscription_upgraded',
			// The created time of that day, in UTC: not the bare date's midnight.
			current_time: '2026-11-03T13:50:56Z',
			attributes: { zoho_event_id: CAPTURED_NUMERIC_IDS.eventId },
		});
		const user = environment.moEngage.users[environment.moEngage.users.length - 1];
		expect(user.attributes).toMatchObject({
			mobile: '+352621000000',
			zoho_last_event_time: '2026-11-03T13:50:56Z',
		});
	});

	it.each([
		['an unsigned webhook', undefined],
		['a wrongly signed webhook', 'wrong'],
	])(
		'answers %s with 401 and starts no execution and no MoEngage call',
		async (_case, signature) => {
			const body = JSON.stringify(zohoEvent('paymentThankyou'));
			const requestsBefore = environment.moEngage.requests.length;
			const executionsBefore = await executionCount();
			// The synced webhooks above each ran an execution: proves the count is really read.
			expect(executionsBefore).toBeGreaterThanOrEqual(3);
			const answer = await postWebhook(
				body,
				signature === 'wrong' ? sign(body, 'exampleOtherSecret1') : undefined,
			);
			expect(answer).toEqual({
				status: 401,
				body: '{"code":401,"message":"Missing or invalid X-Zoho-Webhook-Signature"}',
			});
			await sleep(2000);
			expect(environment.moEngage.requests.length).toBe(requestsBefore);
			expect(await executionCount()).toBe(executionsBefore);
		},
	);

	it("verifies Zoho's signature after n8n's Webhook node: 200 and synced, or 401 and nothing sent", async () => {
		const usersBefore = environment.moEngage.users.length;
		const body = JSON.stringify({ ...zohoEvent('subscriptionCreated'), event_id: '4300000000010' });
		const post = async (signature: string) =>
			await environment.post(VERIFY_PATH, body, {
				'content-type': 'application/json',
				'x-zoho-webhook-signature': signature,
			});

		const accepted = await post(sign(body));
		expect([accepted.status, accepted.body]).toEqual([
			200,
			'{"code":0,"message":"Event received"}',
		]);
		const user = await environment.until(
			'the user update',
			() => environment.moEngage.users[usersBefore],
		);
		expect(user).toEqual(expectedUserUpdates.subscriptionCreated);

		const requestsBefore = environment.moEngage.requests.length;
		const forged = await post(sign(body, 'exampleOtherSecret1'));
		expect([forged.status, forged.body]).toEqual([
			401,
			'{"code":401,"message":"Invalid signature"}',
		]);
		await sleep(2000);
		expect(environment.moEngage.requests.length).toBe(requestsBefore);
	});

	it('records a MoEngage event once when Zoho delivers the same event twice', async () => {
		const event = { ...zohoEvent('invoiceCreated'), event_id: '4300000000001' };
		const eventsBefore = environment.moEngage.events.length;
		const executionsBefore = await executionCount();
		for (let delivery = 0; delivery < 2; delivery++) {
			const body = JSON.stringify(event);
			expect(await postWebhook(body, sign(body))).toEqual({
				status: 200,
				body: '{"code":0,"message":"Event received"}',
			});
		}
		await environment.until('both executions, finished', async () => {
			const executions = await environment.executions();
			return (
				executions.length >= executionsBefore + 2 &&
				executions.every((execution) => isFinished(execution.status))
			);
		});
		expect(
			environment.moEngage.events.slice(eventsBefore).map((sent) => sent.actions[0].action),
		).toEqual(['invoice_created']);
	});

	it("runs the enrichment example: an invoice event reaches MoEngage with its subscription's plan and custom fields", async () => {
		const usersBefore = environment.moEngage.users.length;
		const event = { ...zohoEvent('invoiceCreated'), event_id: '4300000000002' };
		const body = JSON.stringify(event);
		const answer = await environment.post(ENRICH_WEBHOOK, body, {
			'content-type': 'application/json',
			'x-zoho-webhook-signature': sign(body),
		});
		expect([answer.status, answer.body]).toEqual([200, '{"code":0,"message":"Event received"}']);
		const user = await environment.until(
			'the enriched user update',
			() => environment.moEngage.users[usersBefore],
		);
		expect(user.attributes).toMatchObject({
			zoho_invoice_number: 'INV-000123',
			zoho_subscription_plan_code: 'PRO-M',
			zoho_subscription_plan_name: 'Pro Monthly',
			zoho_subscription_status: 'live',
			zoho_cf_sales_channel: 'Partner',
			zoho_cf_discount_percent: 12.5,
		});
		const lookup = environment.zoho.requestsTo('/billing/v1/subscriptions');
		expect(lookup.map((request) => request.query)).toEqual([
			expect.objectContaining({
				customer_id: '2000000061001',
				filter_by: 'SubscriptionStatus.LIVE',
			}),
		]);
	});

	it('runs Zoho Billing > Get Many with Return All over several pages', async () => {
		const response = await fetch(`${environment.n8n.webhookBaseUrl}/webhook/e2e-zoho-events`, {
			method: 'POST',
		});
		expect(response.status).toBe(200);
		const events = (await response.json()) as Array<{ event_id: string; resource: string }>;
		expect(events.map((event) => event.event_id)).toEqual(
			environment.zoho.events.map((event) => event.event_id),
		);
		expect(events[1]).toMatchObject({ event_type: 'invoice_created', resource: 'invoice' });
		expect(
			environment.zoho.requestsTo('/billing/v1/events').map((request) => request.query.page),
		).toEqual(['1', '2', '3']);
		expect(
			environment.zoho.requests.every(
				(request) => request.headers['x-com-zoho-subscriptions-organizationid'] === ZOHO_ORG_ID,
			),
		).toBe(true);
	});

	it("updates a Zoho customer's custom field and a subscription's quantity, and merges two MoEngage users, in one workflow", async () => {
		const customer = zohoRecord('customer');
		// The customer shows its Tier field, not yet set: the API name resolves to its label.
		customer.custom_fields.push({
			customfield_id: '2000000100009',
			index: 9,
			label: 'Tier',
			api_name: 'cf_tier',
			data_type: 'string',
			value: '',
			value_formatted: '',
		});
		environment.zoho.records.customers = [customer];
		environment.zoho.customFieldDefinitions.customers = [
			{
				customfield_id: '2000000100009',
				label: 'Tier',
				api_name: 'cf_tier',
				data_type: 'string',
				index: 9,
			},
		];
		// A subscription with a negotiated, taxed price, collecting from a card.
		const subscription = zohoRecord('subscription', {
			card: { card_id: '2000000071001', last_four_digits: '4242' },
			plan: {
				plan_code: 'PRO-M',
				name: 'Pro Monthly',
				quantity: 1,
				price: 39,
				tax_id: '2000000033001',
			},
		});
		environment.zoho.records.subscriptions = [subscription];
		environment.zoho.records.plans = [zohoRecord('plan')];
		const writesBefore = environment.zoho.writes.length;
		environment.moEngage.profiles.set(customer.email, { first_name: 'Ana' });
		environment.moEngage.profiles.set('ana.old@example.com', { plan: 'pro' });
		const answer = await environment.post(
			WRITES_PATH,
			JSON.stringify({
				customer_id: customer.customer_id,
				tier: 'gold',
				subscription_id: subscription.subscription_id,
				seats: 3,
				duplicate: 'ana.old@example.com',
			}),
		);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual([
			{
				status: 'accepted',
				retained_user: customer.email,
				merged_user: 'ana.old@example.com',
				operation: 'created',
				note: expect.stringContaining('skips a pair it cannot merge'),
			},
		]);
		const [putCustomer, putSubscription] = environment.zoho.writes
			.slice(writesBefore)
			.filter((write) => write.method === 'PUT');
		expect(putCustomer.body).toEqual({
			display_name: customer.display_name,
			email: customer.email,
			custom_fields: [{ label: 'Tier', customfield_id: '2000000100009', index: 9, value: 'gold' }],
		});
		expect(putSubscription.body).toEqual({
			plan: { plan_code: 'PRO-M', quantity: 3, price: 39, tax_id: '2000000033001' },
			addons: [],
			customer_id: subscription.customer_id,
			card_id: '2000000071001',
		});
		// In Zoho afterwards only the quantity changed: the negotiated price and the tax are kept.
		expect(environment.zoho.records.subscriptions[0].plan).toMatchObject({
			plan_code: 'PRO-M',
			quantity: 3,
			price: 39,
			tax_id: '2000000033001',
		});
		expect(environment.moEngage.mergedUsers).toEqual([
			{ retained_user: customer.email, merged_user: 'ana.old@example.com' },
		]);
		expect(environment.moEngage.profiles.get(customer.email)).toEqual({
			first_name: 'Ana',
			plan: 'pro',
		});
	});

	it('runs the payment-declined example: MoEngage event at once, the invoice emailed again after the wait while unpaid', async () => {
		const declined = { ...zohoEvent('paymentDeclined'), event_id: '4300000000020' };
		const invoiceId = declined.data.payment.invoices[0].invoice_id;
		environment.zoho.records.invoices = [
			zohoRecord('invoice', { invoice_id: invoiceId, status: 'overdue', balance: 49.5 }),
			zohoRecord('invoice', { invoice_id: '2000000091999', status: 'paid', balance: 0 }),
		];
		const paidToo = { ...zohoEvent('paymentDeclined'), event_id: '4300000000021' };
		paidToo.data.payment.invoices[0].invoice_id = '2000000091999';
		const eventsBefore = environment.moEngage.events.length;
		for (const event of [declined, paidToo]) {
			const body = JSON.stringify(event);
			const answer = await environment.post(REMINDER_WEBHOOK, body, {
				'content-type': 'application/json',
				'x-zoho-webhook-signature': sign(body),
			});
			expect(answer.status).toBe(200);
		}
		await environment.until('both payment_declined events at MoEngage', () =>
			environment.moEngage.events.length >= eventsBefore + 2 ? true : undefined,
		);
		await environment.until('the reminder email', () => environment.zoho.sentEmails[0], 60_000);
		await environment.until(
			'both executions, finished',
			async () => {
				const runs = (await environment.executions()).filter(
					(execution) => execution.workflowId === 'paymentDeclinedRm1',
				);
				return runs.length === 2 && runs.every((run) => isFinished(run.status));
			},
			60_000,
		);
		// Subject and body left empty in the example: the invoice's own email, read from Zoho first.
		expect(environment.zoho.sentEmails).toEqual([
			{
				invoice_id: invoiceId,
				to_mail_ids: ['ana.silva@example.com'],
				subject: 'Invoice - INV-000123 from Silva Design',
				body: expect.stringContaining('The invoice INV-000123 is attached'),
			},
		]);
		expect(
			environment.zoho.requests
				.filter((request) => request.path === `/billing/v1/invoices/${invoiceId}/email`)
				.map((request) => request.method),
		).toEqual(['GET', 'POST']);
	});
});
