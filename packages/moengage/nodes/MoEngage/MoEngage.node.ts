import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { MoEngageV1 } from './v1/MoEngageV1';
import { readmeSection } from '../../../../lib/docs-links';

export class MoEngage extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'MoEngage',
			name: 'moEngage',
			icon: { light: 'file:../../icons/moengage.svg', dark: 'file:../../icons/moengage.dark.svg' },
			group: ['output'],
			// The panel's Docs link (see the Zoho Billing Trigger for why it is not left to the codex).
			documentationUrl: readmeSection('moengage-node'),
			description:
				'Push user attributes and events to MoEngage, with a preset for Zoho Billing events',
			defaultVersion: 1,
		};

		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new MoEngageV1(baseDescription),
		};

		super(nodeVersions, baseDescription);
	}
}
