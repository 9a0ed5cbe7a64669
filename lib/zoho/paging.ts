/**
 * Zoho Billing's paged lists (Zoho Billing API, "Pagination"): `page` and `per_page` in the query,
 * at most 200 records a page, and `page_context.has_more_page` in the answer.
 */
import { isPlainObject } from '../json';

/** Zoho's largest page. */
export const ZOHO_PAGE_SIZE = 200;

/** Whether Zoho's answer says another page follows (`true`, or the text "true"). */
export function hasMorePage(answer: Record<string, unknown>): boolean {
	const context = answer.page_context;
	return (
		isPlainObject(context) && (context.has_more_page === true || context.has_more_page === 'true')
	);
}

/**
 * The page size to list with. `per_page` must stay the same on every page, or Zoho's page offsets
 * would skip or repeat records; when the node drops listed records itself (a filter it checks), any
 * page may yield fewer than it holds, so pages are then full size.
 */
export function pageSizeFor(limit: number, dropsListed: boolean): number {
	return dropsListed || !Number.isFinite(limit) ? ZOHO_PAGE_SIZE : Math.min(ZOHO_PAGE_SIZE, limit);
}
