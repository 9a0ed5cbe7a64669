import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { ZohoBillingV1 } from './v1/ZohoBillingV1';

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
			description: 'Look up Zoho Billing events about subscriptions, invoices and payments',
			defaultVersion: 1,
		};

		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ZohoBillingV1(baseDescription),
		};

		super(nodeVersions, baseDescription);
	}
}
