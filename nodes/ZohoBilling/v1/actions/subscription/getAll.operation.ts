import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { customerIdFilterProperty, getAllOperation, statusFilterProperty } from '../lookup';

const spec = LOOKUP_RESOURCES.subscription;

/** Get Many: `GET /subscriptions`, by customer and status. */
export const { description, execute } = getAllOperation(spec, [
	customerIdFilterProperty,
	statusFilterProperty(spec),
]);
