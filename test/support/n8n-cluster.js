// @ts-check
/**
 * n8n in queue mode, its distributed engine: one main (editor, REST API, no production webhooks), one
 * webhook processor (takes /webhook/*, puts executions on the queue) and `workers` workers (run them),
 * sharing a real PostgreSQL database and a real Redis queue (services.js). Every process loads the
 * package from the same user folder, as n8n requires in queue mode (each process loads nodes from its
 * own disk). Same interface as N8nInstance, so the suites run unchanged against either.
 */
const fs = require('fs');
const path = require('path');

const { N8nInstance } = require('./n8n-instance');
const { freePort, stopProcess } = require('./processes');
const { dumpPostgres, startPostgres, startRedis } = require('./services');

class N8nCluster extends N8nInstance {
	/**
	 * Call `prepare()` before anything else: it starts PostgreSQL and Redis and picks the ports.
	 * @param {{ port: number, brokerPort: number, workers?: number, workerConcurrency?: number }} options
	 */
	constructor({ port, brokerPort, workers = 2, workerConcurrency = 10 }) {
		super({ port, brokerPort });
		this.workerCount = workers;
		this.workerConcurrency = workerConcurrency;
		/** @type {Array<{ name: string, command: string[], port: number, env: NodeJS.ProcessEnv, process?: import('child_process').ChildProcess }>} */
		this.processes = [];
		/** @type {Awaited<ReturnType<typeof startPostgres>> | undefined} */
		this.postgres = undefined;
		/** @type {Awaited<ReturnType<typeof startRedis>> | undefined} */
		this.redis = undefined;
	}

	async prepare() {
		this.postgres = await startPostgres();
		this.redis = await startRedis();
		Object.assign(this.env, {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			// n8n's default pool (2 connections per process, 20 s to get one) times out under a burst of
			// 1,000 webhooks: the webhook processor loads the trigger's credential and creates an execution
			// for each, and the workers save each run.
			DB_POSTGRESDB_POOL_SIZE: '40',
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '300000',
			// n8n 2.40 pings its database every 2 s and, after a few pings time out, tears the pool down
			// to "recover". Under a burst the ping only waits behind busy connections; the teardown then
			// fails every query in flight ("Driver not Connected") and left the webhook processor with
			// hundreds of requests it never answered. Patient pings avoid that false recovery.
			DB_PING_TIMEOUT_MS: '120000',
			DB_PING_MAX_FAILURES_BEFORE_RECOVERY: '30',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			// Production webhooks go to the webhook processor only, as in a scaled deployment.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		});
		const webhookPort = await freePort();
		this.webhookBaseUrl = `http://127.0.0.1:${webhookPort}`;
		this.processes.push({
			name: 'main',
			command: ['start'],
			port: this.port,
			env: { N8N_PORT: String(this.port), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		});
		this.processes.push({
			name: 'webhook',
			command: ['webhook'],
			port: webhookPort,
			env: { N8N_PORT: String(webhookPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		});
		for (let index = 1; index <= this.workerCount; index++) {
			const healthPort = await freePort();
			this.processes.push({
				name: `worker-${index}`,
				command: ['worker', `--concurrency=${this.workerConcurrency}`],
				port: healthPort,
				env: {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
			});
		}
	}

	/** Starts main first (it migrates the database), then the webhook processor and the workers. */
	async start(timeoutMs = 180_000) {
		const launch = async (/** @type {(typeof this.processes)[number]} */ entry) => {
			const { name, command: args, env, port } = entry;
			entry.process = await this.startProcess({
				name: `n8n ${name}`,
				args,
				env,
				port,
				logPath: this.processLogPath(name),
				timeoutMs,
			});
		};
		const [main, ...others] = this.processes;
		await launch(main);
		await Promise.all(others.map(launch));
	}

	/** @param {string} name */
	processLogPath(name) {
		return path.join(this.userFolder, `n8n-${name}.log`);
	}

	/** @param {string} name */
	processLog(name) {
		const file = this.processLogPath(name);
		return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	}

	/** Every process's log, each line prefixed with the process name. */
	log() {
		return this.processes
			.map((entry) => this.processLog(entry.name).replace(/^/gm, `[${entry.name}] `))
			.join('\n');
	}

	/** The names of the worker processes. */
	workerNames() {
		return this.processes
			.filter((entry) => entry.name.startsWith('worker-'))
			.map((entry) => entry.name);
	}

	/** The database as SQL text, for the secrets check. */
	dumpDatabase() {
		return this.postgres ? dumpPostgres(this.postgres.port) : '';
	}

	async stop() {
		await Promise.all(this.processes.map(({ process: child }) => stopProcess(child, 20_000)));
		await this.redis?.stop();
		await this.postgres?.stop();
	}
}

module.exports = { N8nCluster };
