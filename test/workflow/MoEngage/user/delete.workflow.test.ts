/**
 * MoEngage node, User > Delete, inside n8n-core's WorkflowExecute, against the MoEngage stand-in
 * answering as api/data/data.yaml documents Delete Users.
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

describe('User > Delete', () => {
	it('sends one Delete Users request per item, workspace as app_id, and outputs each as accepted', async () => {
		const { output } = await runWorkflow({
			items: [{ id: 'ana@example.com' }, { id: 'rui@example.com' }],
			nodes: [userNode({ operation: 'delete', deleteIdentityValue: '={{ $json.id }}' })],
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
				userNode(
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
			nodes: [userNode({ operation: 'delete', deleteIdentityValue: 'ana@example.com' })],
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
				userNode({
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
