// @ts-check
/**
 * The one way the suites wait for something: poll until it is there, or fail saying what was awaited.
 * Test-only CommonJS (timers; see n8n-instance.js).
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` every `intervalMs` until it returns something other than undefined or false, and
 * returns that. `probe` may throw to give up at once (a server that exited). After `timeoutMs` it
 * fails naming `what`, with `describe()` appended.
 * @template T
 * @param {string} what
 * @param {() => T | undefined | false | Promise<T | undefined | false>} probe
 * @param {number} [timeoutMs]
 * @param {{ intervalMs?: number, describe?: () => string }} [options]
 * @returns {Promise<T>}
 */
async function until(
	what,
	probe,
	timeoutMs = 60_000,
	{ intervalMs = 200, describe = () => '' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${describe()}`);
		await sleep(intervalMs);
	}
}

module.exports = { sleep, until };
