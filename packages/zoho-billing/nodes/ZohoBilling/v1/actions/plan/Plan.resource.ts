import { LOOKUP_RESOURCES } from '../../../../../../../lib/zoho/resources';
import { lookupResource } from '../lookup';

export const resource = lookupResource(LOOKUP_RESOURCES.plan);
