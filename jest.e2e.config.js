/** End-to-end tests against a real n8n (see test/e2e). Run with `npm run test:e2e`. */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/'],
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	// Installing n8n the first time takes minutes; each test then talks to the running instance.
	testTimeout: 600_000,
};
