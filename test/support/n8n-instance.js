// @ts-check
/**
 * A real n8n for the end-to-end tests: the pinned version from scripts/provision-n8n.sh, a throw-away
 * user folder with this package installed the way n8n installs community packages, SQLite, on
 * 127.0.0.1 only. Test-only, CommonJS for the same reason as the stand-ins (it needs processes and
 * files, which the Cloud lint rules forbid in .ts).
 */
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { freePort, stopProcess } = require('./processes');
const { until } = require('./wait');

const REPO = path.resolve(__dirname, '../..');

/** Installs n8n if needed and returns its binary (scripts/provision-n8n.sh prints it last). */
function provisionN8n() {
	const output = execFileSync('bash', [path.join(REPO, 'scripts/provision-n8n.sh')], {
		cwd: REPO,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return output.trim().split('\n').pop() ?? '';
}

class N8nInstance {
	/**
	 * An instance on two free ports (n8n's own and its task-runner broker's).
	 * @template {typeof N8nInstance} C
	 * @this {C}
	 * @param {Omit<ConstructorParameters<C>[0], 'port' | 'brokerPort'>} [options]
	 * @returns {Promise<InstanceType<C>>}
	 */
	static async create(options) {
		return /** @type {InstanceType<C>} */ (
			new this({ ...options, port: await freePort(), brokerPort: await freePort() })
		);
	}

	/** Use `create()`, which picks the ports. @param {{ port: number, brokerPort: number, env?: Record<string, string> }} options */
	constructor({ port, brokerPort, env = {} }) {
		this.bin = provisionN8n();
		this.port = port;
		this.baseUrl = `http://127.0.0.1:${port}`;
		/** One process serves the editor, the REST API and the webhooks. */
		this.webhookBaseUrl = this.baseUrl;
		this.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		this.logPath = path.join(this.userFolder, 'n8n.log');
		/** @type {import('child_process').ChildProcess | undefined} */
		this.process = undefined;
		this.cookie = '';
		const { NODE_ENV: _jestNodeEnv, JEST_WORKER_ID: _jestWorker, ...inherited } = process.env;
		/** @type {NodeJS.ProcessEnv} */
		this.env = {
			...inherited,
			// Jest sets NODE_ENV=test, which n8n takes as "running inside n8n's own tests" and then refuses
			// to load nodes. This n8n runs as users run it.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			// The base of the webhook URLs n8n shows and registers (WEBHOOK_URL, deprecated in n8n 2.x).
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			// Away from the default broker port 5679, so several instances never collide.
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENCRYPTION_KEY: 'e2e-example-encryption-key',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			// n8n's MCP registry refresh calls api.n8n.io; nothing here may leave the machine.
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '4',
			...env,
		};
	}

	/**
	 * Installs built packages into the user folder (scripts/install-into-n8n.mjs): by name or folder
	 * (`packages/moengage`), the combined package when none is named.
	 * @param {string[]} [packages]
	 */
	installPackage(packages = []) {
		execFileSync(
			process.execPath,
			[path.join(REPO, 'scripts/install-into-n8n.mjs'), this.userFolder, ...packages],
			{ cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] },
		);
	}

	/**
	 * Changes a file n8n installed for a community package (by its path in the package), before n8n
	 * starts: e.g. to make an installed copy stand for another release.
	 * @param {string} name @param {string} file @param {(text: string) => string} edit
	 */
	editInstalledFile(name, file, edit) {
		const installed = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', name, file);
		fs.writeFileSync(installed, edit(fs.readFileSync(installed, 'utf8')));
	}

	/** Runs an n8n CLI command against this instance's database. @param {string[]} args */
	cli(args) {
		const run = () =>
			execFileSync(this.bin, args, {
				env: this.env,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			});
		try {
			return run();
		} catch {
			// The very first command on a new database also runs its migrations; one retry covers the
			// rare failure seen there. A second failure is real and is reported with n8n's output.
			try {
				return run();
			} catch (error) {
				const failure = /** @type {{ stdout?: string, stderr?: string }} */ (error);
				throw new Error(
					`n8n ${args.join(' ')} failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`,
				);
			}
		}
	}

	/** Writes a JSON file into the user folder and returns its path. @param {string} name @param {unknown} data */
	writeJson(name, data) {
		const file = path.join(this.userFolder, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/**
	 * Imports credentials, as `n8n import:credentials` does for users (n8n stopped).
	 * @param {unknown[]} credentials
	 */
	importCredentials(credentials) {
		this.cli(['import:credentials', `--input=${this.writeJson('credentials.json', credentials)}`]);
	}

	/**
	 * Imports workflows and publishes each (n8n stopped). Every CLI call boots n8n's CLI, about 5 s on 2
	 * cores, so all workflows go in one import; n8n 2.40 publishes one workflow per call.
	 * @param {Array<{ id: string }>} workflows
	 */
	importWorkflows(workflows) {
		if (workflows.length === 0) return;
		const file = this.writeJson(
			`workflows-${workflows.map((w) => w.id).join('-')}.json`,
			workflows,
		);
		this.cli(['import:workflow', `--input=${file}`]);
		for (const workflow of workflows) this.cli(['publish:workflow', `--id=${workflow.id}`]);
	}

	async start(timeoutMs = 120_000) {
		this.process = await this.startProcess({
			name: 'n8n',
			args: ['start'],
			env: {},
			port: this.port,
			logPath: this.logPath,
			timeoutMs,
		});
	}

	/**
	 * Starts one n8n process (`n8n <args>` with this instance's environment plus `env`), logging to
	 * `logPath`, and waits until it answers ready on `port`.
	 * @param {{ name: string, args: string[], env: NodeJS.ProcessEnv, port: number, logPath: string, timeoutMs: number }} options
	 */
	async startProcess({ name, args, env, port, logPath, timeoutMs }) {
		const log = fs.openSync(logPath, 'a');
		const child = spawn(this.bin, args, {
			env: { ...this.env, ...env },
			stdio: ['ignore', log, log],
		});
		const logTail = () => `:\n${fs.readFileSync(logPath, 'utf8').slice(-4000)}`;
		const ready = async () => {
			if (child.exitCode !== null || child.signalCode !== null)
				throw new Error(`${name} exited during start-up${logTail()}`);
			try {
				return (await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).ok;
			} catch {
				return false; // not listening yet
			}
		};
		try {
			await until(name, ready, timeoutMs, { intervalMs: 500, describe: logTail });
		} catch (error) {
			// A process left running would keep Jest (and CI) from ever exiting.
			child.kill('SIGKILL');
			throw error;
		}
		return child;
	}

	/**
	 * Waits until n8n serves these production webhook paths. n8n's readiness check answers before the
	 * published workflows' webhooks are registered, so the first calls can get 404. A GET starts no
	 * execution: an unregistered path answers "not registered", a registered POST-only one a hint to
	 * use POST.
	 * @param {string[]} webhookPaths paths under /webhook/
	 */
	async waitForWebhooks(webhookPaths, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		for (const webhookPath of webhookPaths) {
			let text = '';
			const registered = async () => {
				// Asked where webhooks are served: the webhook processor in queue mode, not main.
				const response = await fetch(`${this.webhookBaseUrl}/webhook/${webhookPath}`);
				text = await response.text();
				return response.status !== 404 || /did you mean/i.test(text);
			};
			await until(`webhook ${webhookPath}`, registered, Math.max(0, deadline - Date.now()), {
				describe: () => `: ${text}`,
			});
		}
	}

	async stop() {
		await stopProcess(this.process, 15_000);
	}

	cleanUp() {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}

	log() {
		return fs.existsSync(this.logPath) ? fs.readFileSync(this.logPath, 'utf8') : '';
	}

	/** n8n's SQLite database, read-only, through Node's built-in `node:sqlite`; the caller closes it. */
	openDatabase() {
		// @ts-expect-error -- the @types/node the lint toolchain pins predates node:sqlite (Node 22.5+).
		const { DatabaseSync } = require('node:sqlite');
		return new DatabaseSync(path.join(this.userFolder, '.n8n', 'database.sqlite'), {
			readOnly: true,
		});
	}

	/**
	 * Every row of every table of n8n's SQLite database, as text: execution data, error messages,
	 * settings, everything n8n stored unencrypted. Read through SQLite itself (Node's built-in
	 * `node:sqlite`, read-only), not from the file's bytes: a long value is split across pages in the
	 * file, so a string can be missing from the raw bytes although it is stored.
	 */
	dumpDatabase() {
		const database = this.openDatabase();
		try {
			const tables = /** @type {Array<{ name: string }>} */ (
				database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
			);
			/** @type {string[]} */
			const lines = [];
			for (const { name } of tables) {
				for (const row of /** @type {Array<Record<string, unknown>>} */ (
					database.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all()
				)) {
					lines.push(
						Object.values(row)
							.map((/** @type {unknown} */ value) =>
								value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value),
							)
							.join('\t'),
					);
				}
			}
			return lines.join('\n');
		} finally {
			database.close();
		}
	}

	/** Creates the owner account (n8n allows this once, unauthenticated) and keeps its session cookie. */
	async setUpOwner() {
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'E2E',
				lastName: 'Owner',
				password: 'Example-Passw0rd',
			}),
		});
		if (!response.ok)
			throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (!cookie) throw new Error('owner setup returned no n8n-auth cookie');
		this.cookie = cookie.split(';')[0];
	}

	/** An authenticated call to n8n's REST API. @param {string} apiPath */
	async rest(apiPath) {
		const response = await fetch(`${this.baseUrl}${apiPath}`, { headers: { cookie: this.cookie } });
		if (!response.ok)
			throw new Error(`GET ${apiPath} failed: ${response.status} ${await response.text()}`);
		return await response.json();
	}
}

module.exports = {
	N8nInstance,
	REPO,
};
