// @ts-check
/**
 * Sizes and figures for the reliability suites. Test-only CommonJS: it reads the environment and
 * writes to the terminal directly, which the Cloud lint rules forbid in .ts files.
 *
 * RELIABILITY_SIZE=small shrinks every suite tenfold for a quick local run; the default is the size
 * the issue asks for, which is also what CI runs.
 */
const SMALL = process.env.RELIABILITY_SIZE === 'small';

/** The suite size: `full` normally, a tenth (at least 10) with RELIABILITY_SIZE=small. @param {number} full */
function size(full) {
	return SMALL ? Math.max(10, Math.round(full / 10)) : full;
}

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

module.exports = { size, reportFigures };
