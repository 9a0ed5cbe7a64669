import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getAllOperation, statusFilterProperty } from '../lookup';

const spec = LOOKUP_RESOURCES.plan;

/** Get Many: `GET /plans`, by status. */
export const { description, execute } = getAllOperation(spec, [statusFilterProperty(spec)]);
