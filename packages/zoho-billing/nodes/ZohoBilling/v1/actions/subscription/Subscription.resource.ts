import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { lookupResource } from '../lookup';
import * as cancel from './cancel.operation';
import * as changeNextBillingDate from './changeNextBillingDate.operation';
import * as reactivate from './reactivate.operation';
import * as update from './update.operation';
import * as updateCustomFields from './updateCustomFields.operation';

export const resource = lookupResource(LOOKUP_RESOURCES.subscription, {
	cancel,
	changeNextBillingDate,
	reactivate,
	update,
	updateCustomFields,
});
