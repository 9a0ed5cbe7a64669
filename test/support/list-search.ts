/**
 * A Zoho Billing node's "From List" search, run as n8n's editor runs it: the node version's
 * `methods.listSearch` inside n8n-core's own LoadOptionsContext, with the node's credential. Test-only.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeListSearchResult,
	type INodeType,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE, credentialTypes, nodeTypes, testAdditionalData } from './run-workflow';

export async function searchZohoBillingList(
	method: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'zoho',
		name: 'Zoho Billing',
		type: `${PACKAGE}.zohoBilling`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { zohoBillingOAuth2Api: { id: '1', name: 'Zoho Billing' } },
	};
	const workflow = new Workflow({
		id: 'list-search',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		testAdditionalData(undefined, new TestCredentialsHelper(credentialTypes, credentials)),
		'parameters.customerId',
	);
	const nodeType = NodeHelpers.getVersionedNodeType(
		nodeTypes.getByName(node.type),
		node.typeVersion,
	) as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`The Zoho Billing node has no list search ${method}`);
	return await search.call(context, filter, paginationToken);
}
