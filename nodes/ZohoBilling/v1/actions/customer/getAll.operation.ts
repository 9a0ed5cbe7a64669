import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getAllOperation, statusFilterProperty } from '../lookup';

const spec = LOOKUP_RESOURCES.customer;

/** Get Many: `GET /customers`, by status, and by email or name (Zoho's `search_text`, checked here). */
export const { description, execute } = getAllOperation(spec, [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only the customer with this email address (any case)',
	},
	{
		displayName: 'Name Contains',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Only customers whose display, first, last or company name contains this text',
	},
	statusFilterProperty(spec),
]);
