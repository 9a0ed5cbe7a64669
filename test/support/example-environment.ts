/**
 * The example workflow running in a real n8n, with Zoho Billing and MoEngage played by stand-ins on
 * 127.0.0.1: what the end-to-end tests and the reliability suites share. It installs the package the
 * way n8n installs community packages, imports the three credentials with `n8n import:credentials`,
 * imports and publishes the workflows, and starts n8n (one process, or a queue-mode cluster).
 */

import example from '../../examples/zoho-billing-to-moengage.json';
import {
	moEngageCredentialData,
	webhookCredentials,
	zohoBillingCredentialData,
} from './credentials';
import { MOENGAGE_API_KEY, MOENGAGE_WORKSPACE_ID, MoEngageStandIn } from './stand-ins/moengage';
import {
	ZOHO_CLIENT_SECRET,
	ZOHO_REFRESH_TOKEN,
	ZohoBillingStandIn,
} from './stand-ins/zoho-billing';
import { until } from './wait';
import { WEBHOOK_SECRET, signZohoWebhook } from './zoho-webhook-signer';

import { PACKAGE } from './package-name';

export { PACKAGE };
export const SYNC_WORKFLOW_ID = 'zohoToMoEngage01';
/** The n8n node names in the example workflow. */
export const MOENGAGE_NODE_NAME = 'Sync a billing event';

type Workflow = typeof example & { id?: string; active?: boolean };
type WorkflowNode = Workflow['nodes'][number];

/** What a single n8n and a queue-mode cluster both offer (test/support/n8n-instance.js, n8n-cluster.js). */
export interface N8nUnderTest {
	/** The editor and REST API. */
	baseUrl: string;
	/** Where webhooks are posted (the webhook processor in queue mode). */
	webhookBaseUrl: string;
	/** The owner's `n8n-auth=...` session cookie, once `setUpOwner()` ran. */
	cookie: string;
	/** The combined package, or the packages named (by name or folder). */
	installPackage(packages?: string[]): void;
	importCredentials(credentials: unknown[]): void;
	importWorkflows(workflows: Array<{ id: string }>): void;
	start(): Promise<void>;
	waitForWebhooks(paths: string[]): Promise<void>;
	setUpOwner(): Promise<void>;
	rest(apiPath: string): Promise<unknown>;
	/** Everything n8n logged, all processes. */
	log(): string;
	/** n8n's database as text (SQLite bytes or a PostgreSQL dump). */
	dumpDatabase(): string;
	stop(): Promise<void>;
	cleanUp(): void;
}

const triggerNode = example.nodes.find(
	(node) => node.type === `${PACKAGE}.zohoBillingTrigger`,
) as WorkflowNode & { webhookId: string };
/** The production webhook path of the example's trigger, under /webhook/. */
export const SYNC_WEBHOOK_PATH = `${triggerNode.webhookId}/webhook`;

/** The example workflow with its MoEngage node's Options replaced (e.g. more retries, a short timeout). */
export function exampleWithMoEngageOptions(options: Record<string, unknown>): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow;
	const node = copy.nodes.find(
		(candidate) => candidate.name === MOENGAGE_NODE_NAME,
	) as WorkflowNode & { parameters: { options: object } };
	node.parameters.options = options;
	return copy;
}

/**
 * The webhook example without its Remove Duplicates node (trigger wired straight to the Filter): the
 * package's own path, for measuring it apart from n8n's deduplication store.
 */
export function exampleWithoutDeduplication(): Workflow {
	const copy = JSON.parse(JSON.stringify(example)) as Workflow & {
		connections: Record<string, unknown>;
	};
	const dedupe = copy.nodes.find((node) => node.type === 'n8n-nodes-base.removeDuplicates');
	if (!dedupe) throw new Error('The webhook example has no Remove Duplicates node any more');
	copy.nodes = copy.nodes.filter((node) => node !== dedupe);
	copy.connections[triggerNode.name] = copy.connections[dedupe.name];
	delete copy.connections[dedupe.name];
	return copy;
}

/**
 * A copy of a workflow (e.g. an example) with a new ID and one node's parameters changed, e.g. a
 * schedule, so a test need not wait hours.
 */
export function withNodeParameters<
	T extends { nodes: Array<{ type: string; parameters?: object }> },
>(workflow: T, id: string, nodeType: string, parameters: object): T & { id: string } {
	const copy = JSON.parse(JSON.stringify(workflow)) as T;
	const node = copy.nodes.find((candidate) => candidate.type === nodeType) as {
		parameters: object;
	};
	node.parameters = { ...node.parameters, ...parameters };
	return { ...copy, id };
}

/** The credential each of the package's nodes uses, by node type: the examples leave them out, as a user's import has none yet. */
const CREDENTIAL_OF_NODE_TYPE: Record<string, Record<string, { id: string; name: string }>> = {
	[`${PACKAGE}.zohoBillingTrigger`]: {
		zohoBillingWebhookApi: { id: 'zohoBillingWebhookSecret', name: 'Zoho Billing webhook secret' },
	},
	[`${PACKAGE}.zohoBillingPollingTrigger`]: {
		zohoBillingOAuth2Api: { id: 'zohoBillingAccount', name: 'Zoho Billing account' },
	},
	[`${PACKAGE}.zohoBilling`]: {
		zohoBillingOAuth2Api: { id: 'zohoBillingAccount', name: 'Zoho Billing account' },
	},
	[`${PACKAGE}.moEngage`]: { moEngageApi: { id: 'moEngageAccount', name: 'MoEngage account' } },
};

/** The service package that holds each of the combined package's node types (scripts/packages.mjs). */
const SERVICE_PACKAGE_OF_NODE = {
	zohoBillingTrigger: 'n8n-nodes-zoho-billing',
	zohoBillingPollingTrigger: 'n8n-nodes-zoho-billing',
	zohoBilling: 'n8n-nodes-zoho-billing',
	moEngage: 'n8n-nodes-moengage',
} as const;

/** A node type of this repository's packages as the combined package names it (`<PACKAGE>.moEngage`). */
function combinedTypeOf(type: string): string | undefined {
	const [, node] =
		/^(?:n8n-nodes-zoho-billing-moengage|n8n-nodes-zoho-billing|n8n-nodes-moengage)\.(\w+)$/.exec(
			type,
		) ?? [];
	return node && node in SERVICE_PACKAGE_OF_NODE ? `${PACKAGE}.${node}` : undefined;
}

/**
 * A workflow (e.g. an example, written for the combined package) with its nodes of this repository
 * typed for the service packages instead (`n8n-nodes-moengage.moEngage`), `only` limiting which.
 */
export function forServicePackages<T extends { nodes: Array<{ type: string }> }>(
	workflow: T,
	only?: Array<keyof typeof SERVICE_PACKAGE_OF_NODE>,
): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const name = combinedTypeOf(node.type)?.split('.')[1] as
				| keyof typeof SERVICE_PACKAGE_OF_NODE
				| undefined;
			if (!name || (only && !only.includes(name))) return node;
			return { ...node, type: `${SERVICE_PACKAGE_OF_NODE[name]}.${name}` };
		}),
	};
}

/** A workflow whose nodes of this repository's packages get the credentials imported below, where they have none. */
export function withCredentials<
	T extends { nodes: Array<{ type: string; credentials?: unknown }> },
>(workflow: T): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			const combined = combinedTypeOf(node.type);
			return node.credentials || !combined || !CREDENTIAL_OF_NODE_TYPE[combined]
				? node
				: { ...node, credentials: CREDENTIAL_OF_NODE_TYPE[combined] };
		}),
	};
}

/** The webhook-secret and MoEngage credentials, MoEngage pointing at its stand-in (the benchmarks use these two alone). */
export function webhookAndMoEngageCredentials(moEngage: MoEngageStandIn) {
	return [
		{
			id: 'zohoBillingWebhookSecret',
			name: 'Zoho Billing webhook secret',
			type: 'zohoBillingWebhookApi',
			data: webhookCredentials().zohoBillingWebhookApi,
		},
		{
			id: 'moEngageAccount',
			name: 'MoEngage account',
			type: 'moEngageApi',
			data: moEngageCredentialData(moEngage.baseUrl),
		},
	];
}

/** The three credentials the workflows use, pointing at the stand-ins. */
function credentialsFor(zoho: ZohoBillingStandIn, moEngage: MoEngageStandIn) {
	return [
		...webhookAndMoEngageCredentials(moEngage),
		{
			id: 'zohoBillingAccount',
			name: 'Zoho Billing account',
			type: 'zohoBillingOAuth2Api',
			data: zohoBillingCredentialData(zoho.baseUrl),
		},
	];
}

/** Every secret the suites hand to n8n, by name: none may ever show up in its logs or data. */
export function secretsInPlay(zoho: ZohoBillingStandIn): Record<string, string> {
	return {
		'MoEngage Data API key': MOENGAGE_API_KEY,
		'MoEngage Basic credentials': Buffer.from(
			`${MOENGAGE_WORKSPACE_ID}:${MOENGAGE_API_KEY}`,
		).toString('base64'),
		'Zoho access token': zoho.accessToken,
		'Zoho refresh token': ZOHO_REFRESH_TOKEN,
		'Zoho client secret': ZOHO_CLIENT_SECRET,
		'Zoho Billing webhook secret': WEBHOOK_SECRET,
	};
}

/** A workflow to publish beside the sync workflow. */
export interface ExtraWorkflow {
	id: string;
	nodes: Array<{ type: string; credentials?: unknown }>;
	/** Its production webhook path, when it has one to wait for. */
	webhookPath?: string;
}

/** Imports workflows into a stopped n8n and publishes them, with this package's credentials. */
function importAndPublish(n8n: N8nUnderTest, workflows: ExtraWorkflow[]) {
	n8n.importWorkflows(workflows.map(withCredentials));
}

export interface PostedWebhook {
	status: number;
	body: string;
	/** Milliseconds from sending to the full answer. */
	ms: number;
}

/** Whether an execution status is final (n8n: new, running and waiting are not). */
export const isFinished = (status: string) => !['new', 'running', 'waiting'].includes(status);

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
}

export class ExampleEnvironment {
	private constructor(
		readonly n8n: N8nUnderTest,
		readonly zoho: ZohoBillingStandIn,
		readonly moEngage: MoEngageStandIn,
	) {}

	/**
	 * Starts the stand-ins and n8n with the sync workflow (the example, or `syncWorkflow`) and any other
	 * workflows published. `n8n` is created once the stand-ins' URLs are known.
	 */
	static async start(options: {
		n8n: () => N8nUnderTest | Promise<N8nUnderTest>;
		syncWorkflow?: Workflow;
		/** More workflows to publish; those with a `webhookPath` are waited for. */
		workflows?: Array<ExtraWorkflow>;
		/** Runs once the stand-ins are up and before n8n starts (what happened while n8n was away). */
		beforeN8nStarts?: (environment: ExampleEnvironment) => Promise<void>;
		/** The packages to install, by name or folder; the combined package unless given. */
		packages?: string[];
	}) {
		const moEngage = await MoEngageStandIn.started();
		const zoho = await ZohoBillingStandIn.started();
		const n8n = await options.n8n();
		const environment = new ExampleEnvironment(n8n, zoho, moEngage);
		n8n.installPackage(options.packages);
		n8n.importCredentials(credentialsFor(zoho, moEngage));
		importAndPublish(n8n, [
			{ ...(options.syncWorkflow ?? example), id: SYNC_WORKFLOW_ID },
			...(options.workflows ?? []),
		]);
		await options.beforeN8nStarts?.(environment);
		await n8n.start();
		await n8n.waitForWebhooks([
			SYNC_WEBHOOK_PATH,
			...(options.workflows ?? []).flatMap((workflow) => workflow.webhookPath ?? []),
		]);
		await n8n.setUpOwner();
		return environment;
	}

	/** Stops n8n, publishes more workflows (as the CLI can only do while n8n is stopped) and starts it again. */
	async restartWith(workflows: ExtraWorkflow[]) {
		await this.n8n.stop();
		importAndPublish(this.n8n, workflows);
		await this.n8n.start();
		await this.n8n.waitForWebhooks([SYNC_WEBHOOK_PATH]);
	}

	async stop() {
		await this.n8n.stop();
		await this.zoho.stop();
		await this.moEngage.stop();
	}

	/** POSTs to a production webhook of n8n and reads the whole answer. */
	async post(
		path: string,
		body: string | Uint8Array,
		headers: Record<string, string> = { 'content-type': 'application/json' },
	): Promise<PostedWebhook> {
		const started = performance.now();
		const response = await fetch(`${this.n8n.webhookBaseUrl}/webhook/${path}`, {
			method: 'POST',
			headers,
			body,
		});
		const text = await response.text();
		return { status: response.status, body: text, ms: performance.now() - started };
	}

	/** Delivers a Zoho Billing event to the example's trigger, signed with the webhook secret unless told otherwise. */
	async deliver(event: unknown, signature?: string): Promise<PostedWebhook> {
		const body = JSON.stringify(event);
		return await this.post(SYNC_WEBHOOK_PATH, body, {
			'content-type': 'application/json',
			'x-zoho-webhook-signature': signature ?? signZohoWebhook(body),
		});
	}

	/**
	 * Waits for a run of a scheduled or polling workflow that starts after this call, and for every
	 * earlier run of it, to finish: anything a late run would do has then happened (instead of sleeping
	 * through a fixed interval). Returns that workflow's executions.
	 */
	async nextRunOf(workflowId: string, timeoutMs = 150_000): Promise<ExecutionSummary[]> {
		const runsOf = async () =>
			(await this.executions()).filter((execution) => execution.workflowId === workflowId);
		const before = new Set((await runsOf()).map((execution) => execution.id));
		return await this.until(
			`a new finished run of workflow ${workflowId}`,
			async () => {
				const runs = await runsOf();
				return runs.every((run) => isFinished(run.status)) &&
					runs.some((run) => !before.has(run.id))
					? runs
					: undefined;
			},
			timeoutMs,
		);
	}

	/**
	 * The same for the polling trigger, whose poll starts an execution only when it finds something:
	 * waits for a poll of Zoho's events list that starts after this call, for Zoho to be quiet for two
	 * seconds (the poll's payload calls are over and n8n has started any run it emitted), and for every
	 * run of the workflow to finish. Returns that workflow's executions.
	 */
	async nextPollOf(workflowId: string, timeoutMs = 150_000): Promise<ExecutionSummary[]> {
		const listCalls = () =>
			this.zoho.requests.filter((request) => request.path === '/billing/v1/events').length;
		const before = listCalls();
		await this.until('the next poll of Zoho Billing events', () => listCalls() > before, timeoutMs);
		let seen = -1;
		await until(
			'Zoho Billing to be quiet for two seconds',
			() => {
				const quiet = this.zoho.requestCount === seen && this.zoho.inFlight === 0;
				seen = this.zoho.requestCount;
				return quiet;
			},
			timeoutMs,
			{ intervalMs: 2000 },
		);
		return await this.until(
			`every run of workflow ${workflowId} to finish`,
			async () => {
				const runs = (await this.executions()).filter(
					(execution) => execution.workflowId === workflowId,
				);
				return runs.every((run) => isFinished(run.status)) ? runs : undefined;
			},
			timeoutMs,
		);
	}

	/** Every execution n8n has recorded (all pages), newest first, each once. */
	async executions(): Promise<ExecutionSummary[]> {
		const all = await this.executionPages();
		// Pages can overlap while executions are being written (seen in queue mode): keep each ID once.
		return [...new Map(all.map((execution) => [execution.id, execution])).values()];
	}

	private async executionPages(): Promise<ExecutionSummary[]> {
		const all: ExecutionSummary[] = [];
		const pageSize = 100; // n8n caps `limit` at 100
		let lastId: string | undefined;
		for (;;) {
			const query = new URLSearchParams({ limit: String(pageSize), ...(lastId ? { lastId } : {}) });
			const { data } = (await this.n8n.rest(`/rest/executions?${query}`)) as {
				data: { results: ExecutionSummary[] };
			};
			all.push(
				...data.results.map(({ id, workflowId, status }) => ({
					id: String(id),
					workflowId,
					status,
				})),
			);
			if (data.results.length < pageSize) return all;
			lastId = String(data.results[data.results.length - 1].id);
		}
	}

	/**
	 * How many executions n8n holds in each status, from the REST API's exact filtered counts. Unlike
	 * paging through the list, this is not thrown off by n8n listing running executions first.
	 */
	async executionCountsByStatus(): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const status of [
			'success',
			'error',
			'crashed',
			'canceled',
			'running',
			'new',
			'waiting',
			'unknown',
		]) {
			const query = new URLSearchParams({
				limit: '1',
				filter: JSON.stringify({ status: [status] }),
			});
			const { data } = (await this.n8n.rest(`/rest/executions?${query}`)) as {
				data: { count: number };
			};
			if (data.count > 0) counts[status] = data.count;
		}
		return counts;
	}

	/** One execution with its run data, as n8n's editor loads it (the data is n8n's "flatted" text). */
	async execution(id: string): Promise<{ status: string; data: string }> {
		const { data } = (await this.n8n.rest(`/rest/executions/${id}`)) as {
			data: { status: string; data: string };
		};
		return data;
	}

	/** Waits until `probe` returns a value (not undefined or false), polling every 200 ms (wait.js). */
	async until<T>(
		what: string,
		probe: () => T | undefined | false | Promise<T | undefined | false>,
		timeoutMs = 60_000,
	): Promise<T> {
		return await until(what, probe, timeoutMs);
	}
}
