/**
 * Maps over `items` with at most `limit` calls in flight, keeping the input order in the output.
 * Used to fetch many Zoho events without breaking Zoho's concurrent-call limit (10 on paid plans).
 */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`Concurrency must be a whole number of at least 1, got ${limit}`);
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
