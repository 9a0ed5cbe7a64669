import type { NodeResource } from '../../../../../../../nodes/shared/operations';
import * as sync from './sync.operation';

export const resource: NodeResource = {
	option: {
		name: 'Zoho Billing Event',
		description: 'Preset: sync an event from the Zoho Billing Trigger or Zoho Billing node',
	},
	operations: { sync },
	defaultOperation: 'sync',
};
