/**
 * Runs a workflow in-process with n8n-core's WorkflowExecute, the engine n8n itself uses, with this
 * package's nodes and credentials loaded from source. Test-only code.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { MoEngageApi } from '../../packages/moengage/credentials/MoEngageApi.credentials';
import { ZohoBillingOAuth2Api } from '../../packages/zoho-billing/credentials/ZohoBillingOAuth2Api.credentials';
import { ZohoBillingWebhookApi } from '../../packages/zoho-billing/credentials/ZohoBillingWebhookApi.credentials';
import { MoEngage } from '../../packages/moengage/nodes/MoEngage/MoEngage.node';
import { ZohoBilling } from '../../packages/zoho-billing/nodes/ZohoBilling/ZohoBilling.node';
import { ZohoBillingPollingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingPollingTrigger/ZohoBillingPollingTrigger.node';
import { ZohoBillingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import { TestCredentialsHelper } from './credentials-helper';

import { PACKAGE } from './package-name';

export { PACKAGE };

/** Marks an item of `items` that carries binary data too (see `withBinary`). */
const WITH_BINARY = '__testItemWithBinary';

/** An item of `items` with binary fields, as n8n's Webhook node outputs a raw body. */
export function withBinary(
	json: INodeExecutionData['json'],
	binary: NonNullable<INodeExecutionData['binary']>,
): object {
	return { [WITH_BINARY]: { json, binary } };
}

/** A start node that emits the items in its `items` parameter: the test's "Manual Trigger". */
class TestItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['trigger'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Test Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as object[];
		return [
			items.map((json) =>
				WITH_BINARY in json
					? (json[WITH_BINARY] as INodeExecutionData)
					: { json: json as INodeExecutionData['json'] },
			),
		];
	}
}

const nodeTypeMap: Record<string, INodeType | IVersionedNodeType> = {
	'test.items': new TestItemsNode(),
	[`${PACKAGE}.moEngage`]: new MoEngage(),
	[`${PACKAGE}.zohoBilling`]: new ZohoBilling(),
	[`${PACKAGE}.zohoBillingTrigger`]: new ZohoBillingTrigger(),
	[`${PACKAGE}.zohoBillingPollingTrigger`]: new ZohoBillingPollingTrigger(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	oAuth2Api: { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] },
	moEngageApi: new MoEngageApi(),
	zohoBillingOAuth2Api: new ZohoBillingOAuth2Api(),
	zohoBillingWebhookApi: new ZohoBillingWebhookApi(),
};

/** Adds a node type (e.g. one of n8n's own, for benchmarks against it) under its full type name. */
export function registerNodeType(type: string, nodeType: INodeType | IVersionedNodeType): void {
	nodeTypeMap[type] = nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
};

/** What n8n-core needs from the host (the n8n server) to run nodes: hooks, credentials, URLs. */
export function testAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentialsHelper: TestCredentialsHelper,
	extras: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		...extras,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** Items the start node emits. */
	items: object[];
	/** The node under test (and any after it), connected in a chain after the start node. */
	nodes: Array<
		Omit<INode, 'id' | 'position' | 'typeVersion' | 'parameters'> & {
			typeVersion?: number;
			parameters: Record<string, unknown>;
		}
	>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export interface RunResult {
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
	/** Output items of a node's first run, first output. */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	error(nodeName: string): Error | undefined;
}

export async function runWorkflow({ items, nodes, credentials }: RunOptions): Promise<RunResult> {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
	const chain: INode[] = [
		start,
		...nodes.map((node, index) => ({
			typeVersion: 1,
			...node,
			parameters: node.parameters as INode['parameters'],
			id: `n${index}`,
			position: [200 * (index + 1), 0] as [number, number],
		})),
	];
	const connections: IConnections = {};
	for (let index = 0; index < chain.length - 1; index++) {
		connections[chain[index].name] = {
			main: [[{ node: chain[index + 1].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: chain,
		connections,
		active: false,
		nodeTypes,
		settings: {},
	});

	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentials);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflow as never);

	const additionalData = testAdditionalData(hooks, credentialsHelper);

	const run: IRun = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: start,
	});

	return {
		run,
		credentialsHelper,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		error: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.error as Error | undefined,
	};
}
