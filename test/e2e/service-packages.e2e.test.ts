/**
 * The two service packages, n8n-nodes-zoho-billing and n8n-nodes-moengage, installed from their
 * tarballs the way n8n's Install button installs a package, in one real n8n (the pinned 2.40.x): they
 * load, and the main and polling examples (their node types renamed for these packages) run end to
 * end. Then the combined package installed beside a service package of another release: n8n keeps one
 * definition per credential type (lib/release.ts), and the node whose release differs refuses.
 */
import example from '../../examples/zoho-billing-to-moengage.json';
import polling from '../../examples/zoho-billing-polling-to-moengage.json';
import { zohoEvent } from '../fixtures';
import { expectedEvents, expectedUserUpdates } from '../fixtures/expected-moengage';
import {
	ExampleEnvironment,
	forServicePackages,
	withNodeParameters,
} from '../support/example-environment';
import { N8nInstance } from '../support/n8n-instance';
import { signZohoWebhook } from '../support/zoho-webhook-signer';

const SERVICE_PACKAGES = ['packages/zoho-billing', 'packages/moengage'];
const POLLING_ID = 'servicePolling001';
const EXAMPLE_WEBHOOK = `${
	(example.nodes.find((node) => 'webhookId' in node) as { webhookId: string }).webhookId
}/webhook`;

const types = async (environment: ExampleEnvironment, kind: 'nodes' | 'credentials') =>
	(await (
		await fetch(`${environment.n8n.baseUrl}/types/${kind}.json`, {
			headers: { cookie: environment.n8n.cookie },
		})
	).json()) as Array<{ name: string; supportedNodes?: string[] }>;

async function postSigned(environment: ExampleEnvironment, path: string, event: object) {
	const body = JSON.stringify(event);
	return await environment.post(path, body, {
		'content-type': 'application/json',
		'x-zoho-webhook-signature': signZohoWebhook(body),
	});
}

describe('the two service packages in one n8n', () => {
	let environment: ExampleEnvironment;

	beforeAll(async () => {
		environment = await ExampleEnvironment.start({
			n8n: () => N8nInstance.create(),
			packages: SERVICE_PACKAGES,
			syncWorkflow: forServicePackages(example),
			workflows: [
				withNodeParameters(
					forServicePackages(polling),
					POLLING_ID,
					'n8n-nodes-zoho-billing.zohoBillingPollingTrigger',
					// Every minute; a budget of 1,440 calls a day lets each of those polls call Zoho.
					{ pollTimes: { item: [{ mode: 'everyMinute' }] }, options: { dailyCallBudget: 1440 } },
				),
			],
		});
	}, 900_000);

	afterAll(async () => {
		await environment?.stop();
		environment?.n8n.cleanUp();
	});

	it('loads both without an error: four nodes and three credentials, each of its own package', async () => {
		expect(environment.n8n.log()).not.toMatch(/Failed to load package|Error loading package/);
		const nodes = (await types(environment, 'nodes'))
			.map((node) => node.name)
			.filter((name) => /^n8n-nodes-(zoho-billing|moengage)\./.test(name))
			.filter((name) => !name.endsWith('Tool'));
		expect(nodes.sort()).toEqual([
			'n8n-nodes-moengage.moEngage',
			'n8n-nodes-zoho-billing.zohoBilling',
			'n8n-nodes-zoho-billing.zohoBillingPollingTrigger',
			'n8n-nodes-zoho-billing.zohoBillingTrigger',
		]);
		const credentials = (await types(environment, 'credentials')).filter((credential) =>
			['moEngageApi', 'zohoBillingOAuth2Api', 'zohoBillingWebhookApi'].includes(credential.name),
		);
		expect(credentials.map((credential) => [credential.name, credential.supportedNodes])).toEqual([
			['moEngageApi', ['n8n-nodes-moengage.moEngage']],
			[
				'zohoBillingOAuth2Api',
				['n8n-nodes-zoho-billing.zohoBilling', 'n8n-nodes-zoho-billing.zohoBillingPollingTrigger'],
			],
			[
				'zohoBillingWebhookApi',
				['n8n-nodes-zoho-billing.zohoBilling', 'n8n-nodes-zoho-billing.zohoBillingTrigger'],
			],
		]);
	});

	it('runs the main example: a signed webhook becomes the exact MoEngage user update and event', async () => {
		const usersBefore = environment.moEngage.users.length;
		const answer = await postSigned(environment, EXAMPLE_WEBHOOK, zohoEvent('paymentDeclined'));
		expect(answer).toMatchObject({ status: 200, body: '{"code":0,"message":"Event received"}' });
		const user = await environment.until(
			'the user update',
			() => environment.moEngage.users[usersBefore],
		);
		expect(user).toEqual(expectedUserUpdates.paymentDeclined);
		const event = environment.moEngage.events[environment.moEngage.events.length - 1];
		expect([event.customer_id, event.actions[0].action, event.actions[0].current_time]).toEqual(
			expectedEvents.paymentDeclined,
		);
	});

	it('runs the polling example: an event Zoho records reaches MoEngage at the next poll', async () => {
		const body = {
			...zohoEvent('subscriptionCreated'),
			event_id: '4400000000001',
			event_time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
		};
		body.data.subscription.customer.email = 'polled@example.com';
		await environment.zoho.record(body as never, undefined);
		const event = await environment.until(
			'the polled event at MoEngage',
			() =>
				environment.moEngage.events.find(
					(candidate: { customer_id?: string }) => candidate.customer_id === 'polled@example.com',
				),
			200_000,
		);
		expect(event.actions[0].action).toBe('subscription_created');
		const runs = (await environment.executions()).filter(
			(execution) => execution.workflowId === POLLING_ID,
		);
		expect(runs.map((run) => run.status)).toEqual(['success']);
	});
});

describe('the combined package and a service package of another release, both installed', () => {
	let environment: ExampleEnvironment;
	/** The main example at its own webhook, with only its MoEngage node from n8n-nodes-moengage. */
	const SERVICE_WEBHOOK_ID = '0b9c4a62-5f7e-4d1a-9c3b-2e8f6a4d7c10';
	const SERVICE_WEBHOOK = `${SERVICE_WEBHOOK_ID}/webhook`;
	const serviceMoEngage = {
		...forServicePackages(
			{
				...example,
				nodes: example.nodes.map((node) =>
					'webhookId' in node ? { ...node, webhookId: SERVICE_WEBHOOK_ID } : node,
				),
			},
			['moEngage'],
		),
		id: 'serviceMoEngage01',
	};

	beforeAll(async () => {
		environment = await ExampleEnvironment.start({
			n8n: () => N8nInstance.create(),
			packages: ['.', 'packages/moengage'],
			workflows: [{ ...serviceMoEngage, webhookPath: SERVICE_WEBHOOK }],
			beforeN8nStarts: async (started) => {
				// The MoEngage package as an older release would be: its nodes compiled for 0.0.9.
				(started.n8n as N8nInstance).editInstalledFile(
					'n8n-nodes-moengage',
					'dist/lib/release.js',
					(code) => code.replace(/RELEASE = '[^']+'/, "RELEASE = '0.0.9'"),
				);
			},
		});
	}, 900_000);

	afterAll(async () => {
		await environment?.stop();
		environment?.n8n.cleanUp();
	});

	it('n8n loads both without a word and lists the MoEngage credential twice, once per package', async () => {
		expect(environment.n8n.log()).not.toMatch(/Failed to load package|Error loading package/);
		const moEngageCredentials = (await types(environment, 'credentials')).filter(
			(credential) => credential.name === 'moEngageApi',
		);
		expect(moEngageCredentials.map((credential) => credential.supportedNodes)).toEqual([
			['n8n-nodes-moengage.moEngage'],
			['n8n-nodes-zoho-billing-moengage.moEngage'],
		]);
	});

	it("the node of the other release refuses the credential, naming the fix; the combined package's node syncs", async () => {
		const usersBefore = environment.moEngage.users.length;
		await postSigned(environment, EXAMPLE_WEBHOOK, zohoEvent('paymentThankyou'));
		await environment.until(
			'the combined package syncing',
			() => environment.moEngage.users[usersBefore],
		);

		const requestsBefore = environment.moEngage.requests.length;
		await postSigned(environment, SERVICE_WEBHOOK, zohoEvent('paymentThankyou'));
		const failed = await environment.until('the service package execution, failed', async () =>
			(await environment.executions()).find(
				(execution) => execution.workflowId === serviceMoEngage.id && execution.status === 'error',
			),
		);
		const details = JSON.stringify(await environment.n8n.rest(`/rest/executions/${failed.id}`));
		expect(details).toContain(
			'n8n runs this node (release 0.0.9) with the MoEngage API credential of another installed package, of a different release',
		);
		expect(details).toContain(
			'Keep either n8n-nodes-zoho-billing-moengage or the two service packages (n8n-nodes-zoho-billing, n8n-nodes-moengage), or update them all to the same version',
		);
		expect(environment.moEngage.requests.length).toBe(requestsBefore);
	});
});
