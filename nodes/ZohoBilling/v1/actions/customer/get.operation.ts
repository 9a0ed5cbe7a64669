import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getOperation } from '../lookup';

/** Get: `GET /customers/{customer_id}`. */
export const { description, execute } = getOperation(LOOKUP_RESOURCES.customer, 'customerId');
