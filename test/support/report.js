// @ts-check
/**
 * Figures for the reliability suites. Test-only CommonJS: it writes to the terminal directly, which
 * the Cloud lint rules forbid in .ts files. Sizes come from ./size.js (TEST_SIZE).
 */

/**
 * Prints a suite's measured figures as an aligned block, straight to the terminal (Jest's console
 * would add a stack trace to each line).
 * @param {string} suite @param {Record<string, string | number>} figures
 */
function reportFigures(suite, figures) {
	const width = Math.max(...Object.keys(figures).map((key) => key.length));
	const lines = Object.entries(figures).map(([key, value]) => `  ${key.padEnd(width)}  ${value}`);
	process.stderr.write(`\n[reliability] ${suite}\n${lines.join('\n')}\n`);
}

module.exports = { reportFigures };
