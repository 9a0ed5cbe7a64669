// @ts-check
/**
 * Runs a stand-in in a Node process of its own, the way the real service runs on other machines.
 *
 * Why: in the benchmarks' own process, a stand-in's latency timers and its request handling share one
 * event loop with the node under test. Its replies then leave in bursts whenever the node is busy, and
 * its CPU time is charged to the node. Measured on benchmark 4, that made every round of 10 concurrent
 * calls take 20 ms plus the CPU time of all ten, instead of 20 ms plus one call's.
 *
 * The parent talks to the child over Node's IPC channel: `set` assigns properties of the stand-in
 * (latency, limits, data), `get` reads them back (counters, recorded requests). Test-only.
 */
const { fork } = require('child_process');

/**
 * @typedef {{ id: number, op: 'set', values: Record<string, unknown> } | { id: number, op: 'get', name: string }} Command
 * @typedef {{ id: number, ok: true, value?: unknown } | { id: number, ok: false, error: string }} Answer
 */

class StandInProcess {
	/**
	 * @param {string} modulePath absolute path of the stand-in's module, e.g. require.resolve('./zoho-billing')
	 * @param {string} className the exported class, e.g. 'ZohoBillingStandIn'
	 */
	constructor(modulePath, className) {
		this.modulePath = modulePath;
		this.className = className;
		this.baseUrl = '';
		/** @type {import('child_process').ChildProcess | undefined} */
		this.child = undefined;
		this.nextId = 1;
		/** @type {Map<number, { resolve: (value: unknown) => void, reject: (error: Error) => void }>} */
		this.pending = new Map();
	}

	/** @returns {Promise<string>} the stand-in's base URL */
	async start() {
		// No inherited --inspect or --expose-gc flags: the child is only an HTTP server.
		const child = fork(__filename, [this.modulePath, this.className], {
			execArgv: [],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		this.child = child;
		child.on('message', (/** @type {Answer} */ answer) => {
			const waiter = this.pending.get(answer.id);
			if (!waiter) return;
			this.pending.delete(answer.id);
			if (answer.ok) waiter.resolve(answer.value);
			else waiter.reject(new Error(answer.error));
		});
		child.on('exit', (code) => {
			for (const waiter of this.pending.values())
				waiter.reject(new Error(`stand-in process exited with code ${code}`));
			this.pending.clear();
		});
		// The child announces itself with answer 0, carrying its base URL, once it listens for commands.
		const ready = new Promise((resolve, reject) => this.pending.set(0, { resolve, reject }));
		this.baseUrl = /** @type {string} */ (await ready);
		return this.baseUrl;
	}

	/** Assigns properties of the stand-in, e.g. `{ latencyMs: 20, events }`. @param {Record<string, unknown>} values */
	async set(values) {
		await this.send({ op: 'set', values });
	}

	/** Reads one property of the stand-in. @param {string} name */
	async get(name) {
		return await this.send({ op: 'get', name });
	}

	async stop() {
		const child = this.child;
		this.child = undefined;
		// Already gone (exited, or killed by a signal): there is no 'exit' left to wait for.
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill();
		});
	}

	/** @param {{ op: 'set', values: Record<string, unknown> } | { op: 'get', name: string }} command */
	send(command) {
		const child = this.child;
		if (!child) return Promise.reject(new Error('stand-in process is not running'));
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			// With a callback, a closed channel rejects this command instead of emitting an unhandled 'error'.
			child.send({ id, ...command }, (error) => {
				if (!error) return;
				this.pending.delete(id);
				reject(error);
			});
		});
	}
}

/** The child: starts the stand-in, then answers `set` and `get` until the parent goes away. */
async function runChild() {
	const [modulePath, className] = process.argv.slice(2);
	const StandIn = require(modulePath)[className];
	const standIn = new StandIn();
	await standIn.start();
	process.on('message', (/** @type {Command} */ command) => {
		/** @type {Answer} */
		let answer;
		try {
			if (command.op === 'set') {
				Object.assign(standIn, command.values);
				answer = { id: command.id, ok: true };
			} else {
				answer = { id: command.id, ok: true, value: standIn[command.name] };
			}
		} catch (error) {
			answer = { id: command.id, ok: false, error: String(error) };
		}
		process.send?.(answer);
	});
	process.on('disconnect', () => process.exit(0));
	process.send?.({ id: 0, ok: true, value: standIn.baseUrl });
}

if (require.main === module) {
	runChild().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { StandInProcess };
