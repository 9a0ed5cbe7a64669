// @ts-check
/**
 * A tiny HTTP server on 127.0.0.1 for the service stand-ins: records every request, can add latency,
 * enforce a concurrency limit, and replay scripted faults.
 *
 * Test-only, and plain CommonJS on purpose: the package's lint config must stay n8n's default (for
 * Cloud eligibility) and applies Cloud's runtime rules (no `http`, no timers) to every `.ts` file; an
 * HTTP server cannot follow them. Plain JS also lets the end-to-end tests run it with bare Node.
 */
const { createServer } = require('http');

/**
 * @typedef {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, rawBody: string, body: any }} RecordedRequest
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string>, delayMs?: number }} Reply
 * @typedef {Reply & { pathPrefix?: string, method?: string, times: number, after?: number }} ScriptedFault
 * @typedef {(request: RecordedRequest) => Reply | Promise<Reply>} Handler
 */

/**
 * A reply body sent exactly as written, as JSON: for answers a JavaScript object cannot express, such
 * as the 18-digit numeric IDs real Zoho payloads carry (JSON.stringify would write rounded numbers).
 */
class RawJson {
	/** @param {string} text */
	constructor(text) {
		this.text = text;
	}
}

// Unreferenced, so a reply still being delayed when a test ends does not keep the process alive.
const wait = (/** @type {number} */ ms) =>
	new Promise((resolve) => setTimeout(resolve, ms).unref());

class HttpStandIn {
	/** @param {Handler} handler */
	constructor(handler) {
		this.handler = handler;
		/** @type {RecordedRequest[]} */
		this.requests = [];
		this.latencyMs = 0;
		/** Above this many requests in flight, answer with `overLimitReply`. */
		this.concurrencyLimit = Infinity;
		/** @type {Reply} */
		this.overLimitReply = { status: 429, body: { message: 'Too many concurrent requests' } };
		this.peakInFlight = 0;
		this.inFlight = 0;
		/** Benchmarks turn this off so the stand-in's own memory does not grow with the load. */
		this.recordRequests = true;
		/** Requests answered, recorded or not. */
		this.requestCount = 0;
		/** @type {ScriptedFault[]} */
		this.faults = [];
		/** @type {import('http').Server | undefined} */
		this.server = undefined;
		this.baseUrl = '';
	}

	/**
	 * The next `times` requests (under `pathPrefix`, of `method` when given) get this reply instead of the normal one; with
	 * `after`, only once that many such requests were answered normally (a fault in mid-run).
	 * @param {ScriptedFault} fault
	 */
	failNext(fault) {
		this.faults.push({ ...fault });
	}

	/** Drops every scripted fault still pending (an outage is over). */
	clearFaults() {
		this.faults = [];
	}

	/** @param {string} pathPrefix */
	requestsTo(pathPrefix) {
		return this.requests.filter((request) => request.path.startsWith(pathPrefix));
	}

	/**
	 * A new stand-in of this class, listening on a free port: what a test file's `beforeEach` makes.
	 * @template {HttpStandIn} T
	 * @this {new () => T}
	 * @returns {Promise<T>}
	 */
	static async started() {
		const standIn = new this();
		await standIn.start();
		return standIn;
	}

	/** @param {number} [port] @returns {Promise<string>} */
	async start(port = 0) {
		const server = createServer((req, res) => void this.handle(req, res));
		this.server = server;
		// A deep accept queue: benchmark peers open thousands of connections at once, and the default
		// backlog (511) made the kernel reset some of them.
		await new Promise((resolve) =>
			server.listen(port, '127.0.0.1', 8192, () => resolve(undefined)),
		);
		const address = /** @type {import('net').AddressInfo} */ (server.address());
		this.baseUrl = `http://127.0.0.1:${address.port}`;
		return this.baseUrl;
	}

	async stop() {
		const server = this.server;
		if (!server) return;
		server.closeAllConnections();
		await new Promise((resolve) => server.close(() => resolve(undefined)));
		this.server = undefined;
	}

	/** @param {import('http').IncomingMessage} req @param {import('http').ServerResponse} res */
	async handle(req, res) {
		/** @type {Buffer[]} */
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://stand-in');
		/** @type {Record<string, string>} */
		const headers = {};
		for (const [key, value] of Object.entries(req.headers))
			headers[key] = Array.isArray(value) ? value.join(', ') : String(value);
		const contentType = headers['content-type'] ?? '';
		/** @type {any} */
		let body = rawBody;
		if (contentType.includes('json')) {
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
		} else if (contentType.includes('x-www-form-urlencoded')) {
			body = Object.fromEntries(new URLSearchParams(rawBody));
		}
		/** @type {RecordedRequest} */
		const request = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers,
			rawBody,
			body,
		};
		this.requestCount++;
		if (this.recordRequests) this.requests.push(request);

		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		try {
			/** @type {Reply} */
			let reply;
			if (this.inFlight > this.concurrencyLimit) {
				reply = this.overLimitReply;
			} else {
				if (this.latencyMs > 0) await wait(this.latencyMs);
				reply = this.takeFault(request.path, request.method) ?? (await this.handler(request));
			}
			if (reply.delayMs) await wait(reply.delayMs);
			const isText = typeof reply.body === 'string';
			const payload =
				reply.body === undefined
					? ''
					: reply.body instanceof RawJson
						? reply.body.text
						: isText
							? String(reply.body)
							: JSON.stringify(reply.body);
			res.writeHead(reply.status, {
				...(isText ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
				...reply.headers,
			});
			res.end(payload);
		} finally {
			this.inFlight--;
		}
	}

	/** @param {string} path @param {string} method @returns {Reply | undefined} */
	takeFault(path, method) {
		const fault = this.faults.find(
			(candidate) =>
				candidate.times > 0 &&
				(!candidate.pathPrefix || path.startsWith(candidate.pathPrefix)) &&
				(!candidate.method || candidate.method === method),
		);
		if (!fault) return undefined;
		if (fault.after) {
			fault.after--;
			return undefined;
		}
		fault.times--;
		return fault;
	}
}

module.exports = { HttpStandIn, RawJson };
