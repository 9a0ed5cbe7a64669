import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { getManyOperation, getOperation, resourceProperties } from '../lookup';
import type { ZohoBillingOperation } from '../node.type';
import * as create from './create.operation';
import * as update from './update.operation';

const spec = LOOKUP_RESOURCES.customer;

// In the panel's (alphabetical) order. Finding a customer by email is Get Many's Email filter.
export const operations: Record<string, ZohoBillingOperation> = {
	create,
	get: getOperation(spec),
	getAll: getManyOperation(spec),
	update,
};

export const description = resourceProperties(spec, operations);
