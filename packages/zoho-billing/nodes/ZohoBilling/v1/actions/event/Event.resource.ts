import type { NodeResource } from '../../../../../../../nodes/shared/operations';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const resource: NodeResource = {
	option: { name: 'Event' },
	operations: { get, getAll },
	defaultOperation: 'get',
};
