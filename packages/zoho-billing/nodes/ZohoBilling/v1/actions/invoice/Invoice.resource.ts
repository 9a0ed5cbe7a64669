import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { lookupResource } from '../lookup';
import * as email from './email.operation';
import * as voidInvoice from './void.operation';

export const resource = lookupResource(LOOKUP_RESOURCES.invoice, { email, void: voidInvoice });
