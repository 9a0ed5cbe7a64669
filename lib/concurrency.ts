import { InputError } from './input-error';

/** One page of a paged list: its entries, and whether another page follows. */
export interface ListPage<T> {
	entries: readonly T[];
	hasMore: boolean;
}

/**
 * Lists pages one after another and maps each listed entry as soon as its page has arrived, with at
 * most `limit` calls in flight in all (a page call counts as one). Output follows list order; listing
 * stops once `maxEntries` entries are listed. The first failure rejects, and no call starts after it.
 *
 * Why not list everything first: every page call would then wait alone, with the other `limit - 1`
 * slots idle. Here the next page is asked for while entries are still being mapped, as soon as fewer
 * than `limit` listed entries wait, so the mapping never runs dry and page calls add almost nothing.
 */
export async function mapPagesWithConcurrency<T, R>(
	listPage: (page: number) => Promise<ListPage<T>>,
	limit: number,
	fn: (entry: T, index: number) => Promise<R>,
	maxEntries = Infinity,
): Promise<R[]> {
	if (!Number.isInteger(limit) || limit < 1)
		throw new InputError(`Concurrency must be a whole number of at least 1, got ${limit}`);
	const entries: T[] = [];
	const results: R[] = [];
	let nextEntry = 0;
	let nextPage = 1;
	let listedAll = maxEntries <= 0;
	let listing: Promise<void> | undefined;
	let failed = false;

	const listNextPage = async () => {
		const page = await listPage(nextPage++);
		for (const entry of page.entries) {
			if (entries.length >= maxEntries) break;
			entries.push(entry);
		}
		if (!page.hasMore || entries.length >= maxEntries) listedAll = true;
	};

	const worker = async () => {
		let finished = false;
		try {
			while (!failed) {
				const waiting = entries.length - nextEntry;
				if (!listedAll && !listing && waiting < limit) {
					listing = listNextPage();
					try {
						await listing;
					} finally {
						listing = undefined;
					}
				} else if (waiting > 0) {
					const index = nextEntry++;
					results[index] = await fn(entries[index], index);
				} else if (listing) {
					// Nothing to map until the page in flight arrives; its failure is reported by its own worker.
					await listing.catch(() => undefined);
				} else {
					break;
				}
			}
			finished = true;
		} finally {
			// A failure (the rejection Promise.all reports) stops every other worker before its next call.
			if (!finished) failed = true;
		}
	};
	await Promise.all(Array.from({ length: limit }, worker));
	return results;
}

/** Maps over `items` with at most `limit` calls in flight, keeping their order: one page, mapped. */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	return await mapPagesWithConcurrency(async () => ({ entries: items, hasMore: false }), limit, fn);
}
