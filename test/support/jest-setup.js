// Runs before every test file (jest.config.js, setupFilesAfterEnv).

// n8n-core logs every node error through winston; the tests assert those errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';

// Jest applies `testTimeout` only from the command line or the top-level config, not per project, so
// each project states its own in `globals.TEST_TIMEOUT_MS`.
jest.setTimeout(
	/** @type {{ TEST_TIMEOUT_MS: number }} */ (/** @type {unknown} */ (globalThis)).TEST_TIMEOUT_MS,
);
