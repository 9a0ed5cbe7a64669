/**
 * One Jest config, one project per kind of test (docs/development.md, "Tests"):
 *
 *   unit         test/unit, test/nodes, test/support-checks: pure functions, node descriptions, the test toolkit
 *   workflow     test/workflow: workflows run in-process by n8n-core against the stand-ins on 127.0.0.1
 *   e2e          test/e2e: the packed package in a real n8n
 *   reliability  test/reliability: bad input, faults, outage, load, queue mode, editor in a real n8n
 *   bench        bench/: benchmarks, each ratio against a peer measured in the same run
 *
 * `npm test` selects unit and workflow; the others have their own npm scripts (package.json). The test
 * toolkit (test/support/) and fixtures sit beside the tests and are not tests.
 */
const shared = {
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// Silences n8n-core's logger and applies the project's timeout (globals.TEST_TIMEOUT_MS).
	setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.js'],
};

/** A project's timeout for each test and hook, in ms. */
const timeout = (ms) => ({ globals: { TEST_TIMEOUT_MS: ms } });

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{
			...shared,
			displayName: 'unit',
			roots: ['<rootDir>/test/unit', '<rootDir>/test/nodes', '<rootDir>/test/support-checks'],
			testMatch: ['**/*.test.ts'],
			...timeout(30_000),
		},
		{
			...shared,
			displayName: 'workflow',
			roots: ['<rootDir>/test/workflow'],
			testMatch: ['**/*.workflow.test.ts'],
			// Real HTTP against local stand-ins; room on a 2-core machine.
			...timeout(30_000),
		},
		{
			...shared,
			displayName: 'e2e',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.test.ts'],
			// Starting n8n and importing workflows through its CLI takes a minute or more.
			...timeout(600_000),
		},
		{
			...shared,
			displayName: 'reliability',
			roots: ['<rootDir>/test/reliability'],
			testMatch: ['**/*.reliability.test.ts'],
			...timeout(900_000),
		},
		{
			...shared,
			displayName: 'bench',
			roots: ['<rootDir>/bench'],
			testMatch: ['**/*.bench.ts'],
			...timeout(3_600_000),
		},
	],
};
