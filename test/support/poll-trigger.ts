/**
 * Runs the Zoho Billing Polling Trigger's `poll()` inside n8n-core's own PollContext (the object n8n's
 * poller hands to a node), against one Workflow whose static data lives on between polls as it does in
 * an active workflow. n8n saves the static data when activation ends and when a poll emits;
 * `restart()` keeps only that. Test-only code.
 */
import { PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { ZohoBillingPollingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingPollingTrigger/ZohoBillingPollingTrigger.node';
import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE, credentialTypes, nodeTypes, testAdditionalData } from './run-workflow';

const trigger = new ZohoBillingPollingTrigger();

export class PollingTriggerHarness {
	private workflow: Workflow;
	private readonly node: INode;
	/** Static data as n8n last saved it: when the poll emitted (n8n saves before the run starts). */
	private saved: IDataObject = {};
	/** What the node wrote to n8n's log at level warn. */
	readonly warnings: string[] = [];

	constructor(
		parameters: Record<string, unknown>,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		this.node = {
			id: 'poller',
			name: 'Zoho Billing Polling Trigger',
			type: `${PACKAGE}.zohoBillingPollingTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
		};
		this.workflow = this.newWorkflow({});
	}

	private newWorkflow(staticData: IDataObject) {
		return new Workflow({
			id: 'poll-wf',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
			settings: {},
		});
	}

	/** The node's static data, as the running workflow holds it. */
	get state(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** One poll, as n8n's poller runs it; `trigger` for a published workflow, `manual` for Fetch Test Event. */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const context = new PollContext(
			this.workflow,
			this.node,
			testAdditionalData(undefined, new TestCredentialsHelper(credentialTypes, this.credentials)),
			mode,
			'activate',
		);
		// n8n's logger (a container service in n8n-core) replaced by one that records the warnings.
		Object.defineProperty(context, 'logger', {
			value: {
				error: () => {},
				warn: (message: string) => void this.warnings.push(message),
				info: () => {},
				debug: () => {},
			},
		});
		const result = await trigger.poll.call(context);
		if (result !== null && mode !== 'manual') {
			this.saved = JSON.parse(JSON.stringify(this.workflow.staticData));
		}
		return result;
	}

	/**
	 * Publishing (or n8n starting with the workflow published): n8n polls once right away and saves the
	 * static data when activation is done, whatever the poll returned.
	 */
	async activate(): Promise<INodeExecutionData[][] | null> {
		const result = await this.poll();
		this.saved = JSON.parse(JSON.stringify(this.workflow.staticData));
		return result;
	}

	/** n8n restarts: the running workflow's memory is gone, only the saved static data comes back. */
	restart(): void {
		this.workflow = this.newWorkflow(JSON.parse(JSON.stringify(this.saved)));
	}
}
