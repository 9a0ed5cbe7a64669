import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getOperation } from '../lookup';

/** Get: `GET /plans/{plan_code}`. */
export const { description, execute } = getOperation(LOOKUP_RESOURCES.plan, 'planCode');
