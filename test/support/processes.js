// @ts-check
/**
 * Starting and stopping the servers the end-to-end and reliability suites run (n8n, PostgreSQL,
 * Redis): one way to stop them all (waiting for readiness: wait.js). Test-only CommonJS
 * (processes and timers; see n8n-instance.js).
 */
const net = require('net');

/**
 * A port nothing listens on right now, chosen by the system (its ephemeral range, 32768 and up, holds
 * none of the ports Node's fetch refuses to connect to, such as 6666). The one port picker.
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
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

module.exports = { freePort, stopProcess };
