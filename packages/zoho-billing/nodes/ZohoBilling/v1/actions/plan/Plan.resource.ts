import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { getManyOperation, getOperation, resourceProperties } from '../lookup';
import type { ZohoBillingOperation } from '../node.type';

const spec = LOOKUP_RESOURCES.plan;

export const operations: Record<string, ZohoBillingOperation> = {
	get: getOperation(spec),
	getAll: getManyOperation(spec),
};

export const description = resourceProperties(spec, operations);
