import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { lookupResource } from '../lookup';
import * as create from './create.operation';
import * as update from './update.operation';

// Finding a customer by email is Get Many's Email filter.
export const resource = lookupResource(LOOKUP_RESOURCES.customer, { create, update });
