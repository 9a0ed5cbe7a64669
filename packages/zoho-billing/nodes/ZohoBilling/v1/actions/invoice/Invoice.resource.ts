import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { getManyOperation, getOperation, resourceProperties } from '../lookup';
import type { ZohoBillingOperation } from '../node.type';
import * as email from './email.operation';
import * as voidInvoice from './void.operation';

const spec = LOOKUP_RESOURCES.invoice;

// In the panel's (alphabetical) order.
export const operations: Record<string, ZohoBillingOperation> = {
	email,
	get: getOperation(spec),
	getAll: getManyOperation(spec),
	void: voidInvoice,
};

export const description = resourceProperties(spec, operations);
