// @ts-check
/**
 * Real Redis and PostgreSQL servers for the queue-mode suite, from Debian's packages
 * (scripts/provision-services.sh installs them), each on 127.0.0.1, a free port and a throw-away data
 * folder, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user the Debian package creates. Test-only CommonJS (processes and files; see
 * n8n-instance.js).
 */
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { freePort, stopProcess } = require('./processes');
const { until } = require('./wait');

const REPO = path.resolve(__dirname, '../..');
const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Installs the Debian packages when missing. @param {string[]} services */
function provisionServices(services) {
	execFileSync('bash', [path.join(REPO, 'scripts/provision-services.sh'), ...services], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
}

/** A running server process with its folder. */
class Service {
	/** @param {string} name @param {string} folder */
	constructor(name, folder) {
		this.name = name;
		this.folder = folder;
		this.port = 0;
		/** @type {import('child_process').ChildProcess | undefined} */
		this.process = undefined;
		this.logPath = path.join(folder, `${name}.log`);
	}

	/** @param {string} command @param {string[]} args @param {import('child_process').SpawnOptions} [options] */
	spawn(command, args, options = {}) {
		const log = fs.openSync(this.logPath, 'a');
		this.process = spawn(command, args, { stdio: ['ignore', log, log], ...options });
	}

	log() {
		return fs.existsSync(this.logPath) ? fs.readFileSync(this.logPath, 'utf8') : '';
	}

	async stop() {
		await stopProcess(this.process, 10_000);
		fs.rmSync(this.folder, { recursive: true, force: true });
	}
}

/** Redis without persistence: the queue lives only as long as the test. */
async function startRedis() {
	const service = new Service('redis', fs.mkdtempSync(path.join(os.tmpdir(), 'redis-')));
	service.port = await freePort();
	service.spawn('redis-server', [
		'--port',
		String(service.port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		service.folder,
	]);
	await until('Redis', () => ping(service.port), 20_000);
	return service;
}

/** @param {number} port @returns {Promise<boolean>} */
function ping(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.on('error', () => resolve(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			resolve(data.toString().startsWith('+PONG'));
			socket.destroy();
		});
	});
}

/**
 * PostgreSQL 15 with trust authentication on 127.0.0.1 and durability off (fsync, synchronous commit),
 * which a throw-away test database does not need. Creates database `n8n`.
 */
async function startPostgres() {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-'));
	const service = new Service('postgres', folder);
	service.port = await freePort();
	const asRoot = process.getuid?.() === 0;
	const dataDir = path.join(folder, 'data');
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', folder]);
	/** @param {string} command @param {string[]} args */
	const asPostgres = (command, args) =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const run = (/** @type {string} */ command, /** @type {string[]} */ args) => {
		const [bin, argv] = asPostgres(command, args);
		execFileSync(/** @type {string} */ (bin), /** @type {string[]} */ (argv), {
			stdio: ['ignore', 'ignore', 'pipe'],
		});
	};
	run(path.join(POSTGRES_BIN, 'initdb'), [
		'-D',
		dataDir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
	]);
	const [bin, argv] = asPostgres(path.join(POSTGRES_BIN, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(service.port),
		'-h',
		'127.0.0.1',
		'-k',
		folder,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	service.spawn(/** @type {string} */ (bin), /** @type {string[]} */ (argv));
	const isReady = () => {
		try {
			execFileSync(
				path.join(POSTGRES_BIN, 'pg_isready'),
				['-h', '127.0.0.1', '-p', String(service.port), '-U', 'postgres'],
				{ stdio: 'ignore' },
			);
			return true;
		} catch {
			return false;
		}
	};
	await until('PostgreSQL', isReady, 30_000);
	execFileSync(path.join(POSTGRES_BIN, 'createdb'), [
		'-h',
		'127.0.0.1',
		'-p',
		String(service.port),
		'-U',
		'postgres',
		'n8n',
	]);
	return service;
}

/** The whole `n8n` database as SQL text (pg_dump), for looking for leaked secrets. @param {number} port */
function dumpPostgres(port) {
	return execFileSync(
		path.join(POSTGRES_BIN, 'pg_dump'),
		['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'],
		{
			encoding: 'utf8',
			maxBuffer: 1024 * 1024 * 1024,
		},
	);
}

module.exports = { provisionServices, startRedis, startPostgres, dumpPostgres };
