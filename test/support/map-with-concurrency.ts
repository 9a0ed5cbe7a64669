import { mapPagesWithConcurrency } from '../../lib/concurrency';

/**
 * Maps over `items` with at most `limit` calls in flight, keeping the input order in the output:
 * the package's paged mapper over a single page. Drives the webhook loads of the reliability tests
 * and benchmarks; the nodes themselves only map paged lists.
 */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	return await mapPagesWithConcurrency(async () => ({ entries: items, hasMore: false }), limit, fn);
}
