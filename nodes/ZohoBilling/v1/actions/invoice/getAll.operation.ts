import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { customerIdFilterProperty, getAllOperation, statusFilterProperty } from '../lookup';

const spec = LOOKUP_RESOURCES.invoice;

/** Get Many: `GET /invoices`, by customer, status and invoice date (the dates checked here). */
export const { description, execute } = getAllOperation(spec, [
	customerIdFilterProperty,
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'Only invoices dated on or after this day',
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Only invoices dated on or before this day',
	},
	statusFilterProperty(spec),
]);
