import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { ZohoBillingV1 } from './v1/ZohoBillingV1';
import { readmeSection } from '../../../../lib/docs-links';

export class ZohoBilling extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Zoho Billing',
			name: 'zohoBilling',
			icon: {
				light: 'file:../../icons/zohoBilling.svg',
				dark: 'file:../../icons/zohoBilling.dark.svg',
			},
			group: ['input'],
			// The panel's Docs link (see the Zoho Billing Trigger for why it is not left to the codex).
			documentationUrl: readmeSection('zoho-billing-node'),
			description:
				'Read Zoho Billing events, customers, subscriptions, invoices and plans, act on customers, subscriptions and invoices, and verify webhooks received by the Webhook node',
			defaultVersion: 1,
		};

		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ZohoBillingV1(baseDescription),
		};

		super(nodeVersions, baseDescription);
	}
}
