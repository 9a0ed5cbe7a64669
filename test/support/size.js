// @ts-check
/**
 * The one size switch for the suites that run at a size: the reliability suites and the benchmarks.
 *
 *   TEST_SIZE=small   what CI runs: every reliability suite at a tenth (at least 10), every benchmark tiny
 *   (unset)           the full size each suite and benchmark states (docs/reliability.md, docs/benchmarks.md)
 *
 * Test-only CommonJS: it reads the environment, which the Cloud lint rules forbid in .ts files.
 */
const SMALL = process.env.TEST_SIZE === 'small';

/** True when TEST_SIZE=small. */
function isSmall() {
	return SMALL;
}

/** A reliability suite's size: `full` normally, a tenth (at least 10) with TEST_SIZE=small. @param {number} full */
function size(full) {
	return SMALL ? Math.max(10, Math.round(full / 10)) : full;
}

module.exports = { isSmall, size };
