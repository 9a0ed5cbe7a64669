// @ts-check
/**
 * The floor for benchmark 4: Node's own HTTP client, no n8n, fetching the same URLs with the same
 * concurrency limit against the same stand-in (the benchmark drives it with the tests'
 * mapWithConcurrency). It shows what the machine and the stand-in allow, so the rest of the gap to
 * the bound can be put on the request path inside n8n.
 * JavaScript because the package's lint rules (n8n Cloud's) forbid `http` in `.ts` files.
 */
const http = require('http');

/** One GET with Node's own client. @param {string} url @param {Record<string, string>} headers @returns {Promise<number>} the status */
function getBare(url, headers) {
	return new Promise((resolve, reject) => {
		// agent: false opens a connection per request, as n8n's request path does (no keep-alive).
		const request = http.get(url, { headers, agent: false }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', reject);
	});
}

module.exports = { getBare };
