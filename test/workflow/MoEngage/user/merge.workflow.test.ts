/**
 * MoEngage node, User > Merge, inside n8n-core's WorkflowExecute, against the MoEngage stand-in
 * answering as api/data/data.yaml documents Merge Users.
 */
import { withKnownUsers } from '../../../fixtures/moengage-users';
import { moEngageCredentials } from '../../../support/credentials';
import { MOENGAGE_NODE as NODE, moEngageNode } from '../../../support/nodes';
import { runWorkflow } from '../../../support/run-workflow';
import { MOENGAGE_WORKSPACE_ID } from '../../../support/stand-ins/moengage';
import { moEngageForEachTest } from '../../../support/for-each-test';

const moEngage = moEngageForEachTest(withKnownUsers);

const userNode = (parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) =>
	moEngageNode({ resource: 'user', ...parameters }, settings);

describe('User > Merge', () => {
	it('packs the pairs of all items into calls of at most 50, each item paired to its pair', async () => {
		const items = Array.from({ length: 120 }, (_, index) => ({
			keep: `kept-${index}@example.com`,
			merge: `dup-${index}@example.com`,
		}));
		for (const { merge } of items) moEngage.profiles.set(merge, { plan: 'pro' });
		const { output } = await runWorkflow({
			items,
			nodes: [
				userNode({
					operation: 'merge',
					retainedUser: '={{ $json.keep }}',
					mergedUser: '={{ $json.merge }}',
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(
			moEngage.requests.map(
				(request: { path: string; query: unknown; body: { merge_data: unknown[] } }) => [
					request.path,
					request.query,
					request.body.merge_data.length,
				],
			),
		).toEqual([
			['/v1/customer/merge', { app_id: MOENGAGE_WORKSPACE_ID }, 50],
			['/v1/customer/merge', { app_id: MOENGAGE_WORKSPACE_ID }, 50],
			['/v1/customer/merge', { app_id: MOENGAGE_WORKSPACE_ID }, 20],
		]);
		expect(moEngage.mergedUsers).toHaveLength(120);
		expect(output(NODE)[119]).toEqual({
			json: {
				status: 'accepted',
				retained_user: 'kept-119@example.com',
				merged_user: 'dup-119@example.com',
				operation: 'created',
				note: "MoEngage answers a merge call as a whole and skips a pair it cannot merge: check the retained user's profile in MoEngage",
			},
			pairedItem: { item: 119 },
		});
	});

	it('says accepted, not merged, for a pair MoEngage skips while answering the call 200', async () => {
		const { output } = await runWorkflow({
			items: [
				{ keep: 'ana@example.com', merge: 'ana.old@example.com' },
				{ keep: 'ana@example.com', merge: 'never-seen@example.com' },
			],
			nodes: [
				userNode({
					operation: 'merge',
					retainedUser: '={{ $json.keep }}',
					mergedUser: '={{ $json.merge }}',
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(1);
		expect(moEngage.mergedUsers).toEqual([
			{ retained_user: 'ana@example.com', merged_user: 'ana.old@example.com' },
		]);
		expect(output(NODE).map((item) => [item.json.status, item.pairedItem])).toEqual([
			['accepted', { item: 0 }],
			['accepted', { item: 1 }],
		]);
	});

	it("moves the merged user's attributes to the retained one", async () => {
		moEngage.profiles.set('ana.old@example.com', { first_name: 'ana', plan: 'pro' });
		await runWorkflow({
			items: [{}],
			nodes: [
				userNode({
					operation: 'merge',
					retainedUser: 'ana@example.com',
					mergedUser: 'ana.old@example.com',
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.profiles.get('ana@example.com')).toEqual({ first_name: 'ana', plan: 'pro' });
		expect(moEngage.profiles.has('ana.old@example.com')).toBe(false);
	});

	it('refuses a pair of one user with itself on its item, and merges the others', async () => {
		const { output } = await runWorkflow({
			items: [
				{ keep: 'ana@example.com', merge: 'ana@example.com' },
				{ keep: 'ana@example.com', merge: 'ana.old@example.com' },
			],
			nodes: [
				userNode(
					{
						operation: 'merge',
						retainedUser: '={{ $json.keep }}',
						mergedUser: '={{ $json.merge }}',
					},
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(
			output(NODE).map((item) => [item.json.error ?? item.json.status, item.pairedItem]),
		).toEqual([
			['Retained User and Merged User must differ, both are "ana@example.com"', { item: 0 }],
			['accepted', { item: 1 }],
		]);
	});

	it('fails every item of a call MoEngage refuses: merging is off with identity resolution', async () => {
		moEngage.identifiers = ['email'];
		const { output } = await runWorkflow({
			items: [{}, {}],
			nodes: [
				userNode(
					{ operation: 'merge', retainedUser: 'ana@example.com', mergedUser: 'rui@example.com' },
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(output(NODE).map((item) => [item.json.error, item.pairedItem])).toEqual([
			[
				'MoEngage InvalidParams: Merge User API is not supported with Identity Resolution',
				{ item: 0 },
			],
			[
				'MoEngage InvalidParams: Merge User API is not supported with Identity Resolution',
				{ item: 1 },
			],
		]);
	});
});
