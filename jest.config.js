/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	// The harness and stand-ins live beside the tests but are not tests.
	testPathIgnorePatterns: [
		'/node_modules/',
		'/test/harness/',
		'/test/stand-ins/',
		'/test/e2e/',
		'/test/reliability/',
	],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// Workflow-level tests run real HTTP against local stand-ins; give them room on a 2-core machine.
	setupFiles: ['<rootDir>/test/setup-env.js'],
	testTimeout: 30000,
};
