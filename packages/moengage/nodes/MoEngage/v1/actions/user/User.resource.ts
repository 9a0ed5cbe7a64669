import type { NodeResource } from '../../../../../../../nodes/shared/operations';
import * as createOrUpdate from './createOrUpdate.operation';
import * as deleteUser from './delete.operation';
import * as merge from './merge.operation';

export const resource: NodeResource = {
	option: { name: 'User' },
	operations: { createOrUpdate, delete: deleteUser, merge },
	defaultOperation: 'createOrUpdate',
};
