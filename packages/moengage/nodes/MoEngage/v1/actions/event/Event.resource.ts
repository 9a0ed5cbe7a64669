import type { NodeResource } from '../../../../../../../nodes/shared/operations';
import * as track from './track.operation';

export const resource: NodeResource = {
	option: { name: 'Event' },
	operations: { track },
	defaultOperation: 'track',
};
