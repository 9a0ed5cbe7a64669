// @ts-check
/** The one place the suites and benchmarks summarise measured values (latencies, run times). */

/** @param {number[]} values */
function sortedNumbers(values) {
	return [...values].sort((a, b) => a - b);
}

/**
 * The value below which `fraction` of `values` lie (nearest rank, no interpolation): p50 is
 * percentile(values, 0.5), p99 percentile(values, 0.99).
 * @param {number[]} values @param {number} fraction between 0 and 1
 */
function percentile(values, fraction) {
	const sorted = sortedNumbers(values);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/** The middle value, or the mean of the two middle values of an even count. @param {number[]} values */
function median(values) {
	const sorted = sortedNumbers(values);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { median, percentile };
