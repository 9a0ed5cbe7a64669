import type { NodeResource } from '../../../../../../../nodes/shared/operations';
import * as verify from './verify.operation';

export const resource: NodeResource = {
	option: { name: 'Webhook' },
	operations: { verify },
	defaultOperation: 'verify',
};
