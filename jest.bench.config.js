/** Benchmarks (see bench/). `npm run bench` at full size, `npm run bench:smoke` tiny (CI). */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/'],
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	testTimeout: 3_600_000,
};
