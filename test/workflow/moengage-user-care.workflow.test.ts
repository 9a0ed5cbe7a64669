/**
 * MoEngage node, User > Delete and User > Merge inside n8n-core's WorkflowExecute, against the
 * MoEngage stand-in answering as api/data/data.yaml documents Delete Users and Merge Users.
 */
import { moEngageCredentials } from '../support/credentials';
import { PACKAGE, runWorkflow } from '../support/run-workflow';
import { MOENGAGE_WORKSPACE_ID, MoEngageStandIn } from '../support/stand-ins/moengage';

const NODE = 'MoEngage';

let moEngage: MoEngageStandIn;
beforeEach(async () => {
	moEngage = new MoEngageStandIn();
	await moEngage.start();
	for (const user of ['ana@example.com', 'ana.old@example.com', 'rui@example.com'])
		moEngage.profiles.set(user, { first_name: user.split('@')[0] });
});
afterEach(async () => await moEngage.stop());

function moEngageNode(parameters: Record<string, unknown>, settings: Record<string, unknown> = {}) {
	return {
		name: NODE,
		type: `${PACKAGE}.moEngage`,
		parameters: { resource: 'user', ...parameters },
		credentials: { moEngageApi: { id: '3', name: 'MoEngage' } },
		...settings,
	};
}

describe('User > Delete', () => {
	it('sends one Delete Users request per item, workspace as app_id, and outputs each as accepted', async () => {
		const { output } = await runWorkflow({
			items: [{ id: 'ana@example.com' }, { id: 'rui@example.com' }],
			nodes: [moEngageNode({ operation: 'delete', deleteIdentityValue: '={{ $json.id }}' })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(
			moEngage.requests.map((request: { path: string; query: unknown; body: unknown }) => [
				request.path,
				request.query,
				request.body,
			]),
		).toEqual([
			[
				'/v1/customer/delete',
				{ app_id: MOENGAGE_WORKSPACE_ID },
				{ identity_type: 'customer_id', identity_value: 'ana@example.com' },
			],
			[
				'/v1/customer/delete',
				{ app_id: MOENGAGE_WORKSPACE_ID },
				{ identity_type: 'customer_id', identity_value: 'rui@example.com' },
			],
		]);
		expect(
			output(NODE).map((item) => [item.json.status, item.json.identity_value, item.pairedItem]),
		).toEqual([
			['accepted', 'ana@example.com', { item: 0 }],
			['accepted', 'rui@example.com', { item: 1 }],
		]);
		// Within MoEngage's 24-hour buffer the users are still there, marked for deletion.
		expect([...moEngage.pendingDeletion]).toEqual(['ana@example.com', 'rui@example.com']);
		expect(moEngage.profiles.has('ana@example.com')).toBe(true);
	});

	it("an unknown user gets MoEngage's 400 Not Found on its own item; the others are deleted", async () => {
		const { output } = await runWorkflow({
			items: [{ id: 'nobody@example.com' }, { id: 'rui@example.com' }],
			nodes: [
				moEngageNode(
					{ operation: 'delete', deleteIdentityValue: '={{ $json.id }}' },
					{ continueOnFail: true },
				),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(
			output(NODE).map((item) => [item.json.error ?? item.json.status, item.pairedItem]),
		).toEqual([
			["MoEngage Not Found: User doesn't exists with customer id nobody@example.com", { item: 0 }],
			['accepted', { item: 1 }],
		]);
		expect(moEngage.deletedUsers).toEqual([
			{ identity_type: 'customer_id', identity_value: 'rui@example.com' },
		]);
	});

	it('is sent again after a 500: MoEngage accepts a repeat within its 24-hour buffer', async () => {
		moEngage.failNext({
			status: 500,
			body: {
				status: 'fail',
				title: 'Internal Error',
				description: 'Please contact the MoEngage team.',
			},
			pathPrefix: '/v1/customer/delete',
			times: 1,
		});
		const { output } = await runWorkflow({
			items: [{}],
			nodes: [moEngageNode({ operation: 'delete', deleteIdentityValue: 'ana@example.com' })],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(moEngage.requests).toHaveLength(2);
		expect(output(NODE)[0].json).toMatchObject({
			status: 'accepted',
			identity_value: 'ana@example.com',
		});
	});

	it('refuses an empty user ID before sending anything', async () => {
		const { error } = await runWorkflow({
			items: [{}],
			nodes: [
				moEngageNode({
					operation: 'delete',
					deleteIdentityType: 'moengage_id',
					deleteIdentityValue: ' ',
				}),
			],
			credentials: moEngageCredentials(moEngage.baseUrl),
		});
		expect(error(NODE)?.message).toBe('MoEngage ID is required to delete a user');
		expect(moEngage.requests).toEqual([]);
	});
});

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
				moEngageNode({
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
				moEngageNode({
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
				moEngageNode({
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
				moEngageNode(
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
				moEngageNode(
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
