/**
 * The n8n floor for benchmark 4: a node that does nothing but the payload calls, 10 at a time, through
 * `httpRequestWithAuthentication` with the same Zoho OAuth2 credential, and throws the answers away.
 * No paging, no parsing, no retries, no output per event. Whatever it costs over the bare-HTTP floor is
 * n8n's request path; whatever the Zoho Billing node costs over it is this package's own code.
 * Benchmark-only.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { mapWithConcurrency } from '../../lib/concurrency';

export const N8N_REQUEST_FLOOR_TYPE = 'bench.n8nRequestFloor';

export class N8nRequestFloor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'n8n Request Floor',
		name: 'n8nRequestFloor',
		group: ['transform'],
		version: 1,
		description:
			"GETs each input item's url through n8n's authenticated request path, 10 at a time",
		defaults: { name: 'n8n Request Floor' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Required by the lint rule; the node is never registered in n8n (the benchmark runs it in n8n-core).
		usableAsTool: true,
		credentials: [{ name: 'zohoBillingOAuth2Api', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		await mapWithConcurrency(items, 10, async (item) => {
			await this.helpers.httpRequestWithAuthentication.call(this, 'zohoBillingOAuth2Api', {
				method: 'GET',
				url: item.json.url as string,
				headers: item.json.headers as Record<string, string>,
				json: true,
			});
		});
		return [[{ json: { calls: items.length }, pairedItem: { item: 0 } }]];
	}
}
