import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { getOperation } from '../lookup';

/** Get: `GET /invoices/{invoice_id}`. */
export const { description, execute } = getOperation(LOOKUP_RESOURCES.invoice, 'invoiceId');
