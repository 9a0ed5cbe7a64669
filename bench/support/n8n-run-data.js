// @ts-check
/**
 * n8n's own timing of each node in a finished execution, read from the SQLite database of a benchmark
 * instance: `executionTime` is what n8n's engine measured around the node's run (for a Code node, the
 * round trip to its task runner included). Benchmark 1b compares the push step with it, so neither
 * side's figure depends on subtracting two separately timed executions.
 */
const { until } = require('../../test/support/wait');

/**
 * n8n stores run data as "flatted" text: a JSON array whose first element is the root, and in which
 * every string inside an object or array is the index of the value it stands for.
 * @param {string} text
 * @returns {any}
 */
function parseFlatted(text) {
	const table = JSON.parse(text);
	const revived = new Set();
	/** @param {unknown} value */
	const revive = (value) => {
		if (typeof value !== 'object' || value === null || revived.has(value)) return;
		revived.add(value);
		const record = /** @type {Record<string, unknown>} */ (value);
		for (const key of Object.keys(record)) {
			if (typeof record[key] !== 'string') continue;
			record[key] = table[Number(record[key])];
			revive(record[key]);
		}
	};
	revive(table[0]);
	return table[0];
}

/**
 * The newest successful execution of `workflowId` with an ID above `afterId`, waited for (n8n saves an
 * execution after it answers the webhook): its ID and n8n's time for each node, in ms.
 * @param {{ openDatabase(): any }} n8n the benchmark's N8nInstance (test/support/n8n-instance.js)
 * @param {string} workflowId
 * @param {number} afterId
 * @returns {Promise<{ id: number, nodeMs: Record<string, number> }>}
 */
async function nodeTimesOfNextExecution(n8n, workflowId, afterId, timeoutMs = 60_000) {
	return await until(
		`a saved execution of workflow ${workflowId} after ID ${afterId}`,
		() => {
			const database = n8n.openDatabase();
			try {
				const row = database
					.prepare(
						`SELECT e.id AS id, d.data AS data FROM execution_entity e
					 JOIN execution_data d ON d.executionId = e.id
					 WHERE e.workflowId = ? AND e.status = 'success' AND CAST(e.id AS INTEGER) > ?
					 ORDER BY CAST(e.id AS INTEGER) DESC LIMIT 1`,
					)
					.get(workflowId, afterId);
				if (row) {
					const runData = parseFlatted(String(row.data)).resultData.runData;
					/** @type {Record<string, number>} */
					const nodeMs = {};
					for (const [name, runs] of Object.entries(runData))
						nodeMs[name] = runs.reduce(
							(/** @type {number} */ sum, /** @type {{ executionTime: number }} */ run) =>
								sum + run.executionTime,
							0,
						);
					return { id: Number(row.id), nodeMs };
				}
				return undefined;
			} finally {
				database.close();
			}
		},
		timeoutMs,
		{ intervalMs: 100 },
	);
}

module.exports = { parseFlatted, nodeTimesOfNextExecution };
