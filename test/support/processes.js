// @ts-check
/**
 * Starting and stopping the servers the end-to-end and reliability suites run (n8n, PostgreSQL,
 * Redis): one way to wait for readiness and one way to stop, for all of them. Test-only CommonJS
 * (processes and timers; see n8n-instance.js).
 */

const wait = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `ready` every `intervalMs` until it returns true; `ready` may throw to give up at once (a
 * server that exited). Fails with `describe()` appended after `timeoutMs`.
 * @param {string} what @param {() => boolean | Promise<boolean>} ready @param {number} timeoutMs
 * @param {{ intervalMs?: number, describe?: () => string }} [options]
 */
async function waitUntil(what, ready, timeoutMs, { intervalMs = 200, describe = () => '' } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (!(await ready())) {
		if (Date.now() > deadline)
			throw new Error(`${what} was not ready after ${timeoutMs} ms${describe()}`);
		await wait(intervalMs);
	}
}

/**
 * Stops a server: SIGTERM, then SIGKILL if it has not exited after `graceMs`. Nothing to do when it
 * never started or has already exited.
 * @param {import('child_process').ChildProcess | undefined} child @param {number} graceMs
 */
async function stopProcess(child, graceMs) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.on('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

module.exports = { waitUntil, stopProcess };
