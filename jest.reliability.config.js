/**
 * Reliability suites against a real n8n (see test/reliability): bad input, faults, load, queue mode
 * and the editor in a browser. Each has its own npm script; `npm run test:reliability` runs them all.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/'],
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.reliability.test.ts'],
	testTimeout: 900_000,
};
