// @ts-check
/**
 * The floor for benchmark 4: Node's own HTTP client, no n8n, fetching the same URLs with the same
 * concurrency limit against the same stand-in. It shows what the machine and the stand-in allow, so
 * the rest of the gap to the bound can be put on the request path inside n8n.
 * JavaScript because the package's lint rules (n8n Cloud's) forbid `http` in `.ts` files.
 */
const http = require('http');

/** @param {string} url @param {Record<string, string>} headers @returns {Promise<number>} the status */
function get(url, headers) {
	return new Promise((resolve, reject) => {
		// agent: false opens a connection per request, as n8n's request path does (no keep-alive).
		const request = http.get(url, { headers, agent: false }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', reject);
	});
}

/**
 * GETs every URL with at most `limit` in flight; resolves to the wall time in ms, after checking
 * that every answer was 200.
 * @param {string[]} urls @param {Record<string, string>} headers @param {number} limit
 */
async function getAllBare(urls, headers, limit) {
	const started = performance.now();
	let next = 0;
	/** @type {number[]} */
	const failures = [];
	const worker = async () => {
		while (next < urls.length) {
			const status = await get(urls[next++], headers);
			if (status !== 200) failures.push(status);
		}
	};
	await Promise.all(Array.from({ length: limit }, worker));
	if (failures.length > 0) throw new Error(`${failures.length} requests failed, e.g. HTTP ${failures[0]}`);
	return performance.now() - started;
}

module.exports = { getAllBare };
