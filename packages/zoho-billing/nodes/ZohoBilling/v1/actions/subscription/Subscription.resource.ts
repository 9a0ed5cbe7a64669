import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { getManyOperation, getOperation, resourceProperties } from '../lookup';
import type { ZohoBillingOperation } from '../node.type';
import * as cancel from './cancel.operation';
import * as changeNextBillingDate from './changeNextBillingDate.operation';
import * as reactivate from './reactivate.operation';
import * as update from './update.operation';
import * as updateCustomFields from './updateCustomFields.operation';

const spec = LOOKUP_RESOURCES.subscription;

// In the panel's (alphabetical) order.
export const operations: Record<string, ZohoBillingOperation> = {
	cancel,
	changeNextBillingDate,
	get: getOperation(spec),
	getAll: getManyOperation(spec),
	reactivate,
	update,
	updateCustomFields,
};

export const description = resourceProperties(spec, operations);
