// @ts-check
/**
 * CPU-profiles an async function with Node's inspector and attributes self time to: this package's
 * code, n8n's engine (n8n-core, n8n-workflow), other dependencies, Node internals, and idle time
 * (waiting on the network or timers).
 */
const inspector = require('inspector');

/** @param {string} url */
function category(url) {
	if (!url) return 'Node internals and native code';
	if (/\/(lib|nodes|credentials)\/[^/]+/.test(url) && !url.includes('node_modules'))
		return 'this package (lib/, nodes/)';
	if (/node_modules\/(n8n-core|n8n-workflow|@n8n)\//.test(url))
		return 'n8n engine (n8n-core, n8n-workflow, @n8n/*)';
	if (/\/test\/support\//.test(url)) return 'test stand-ins and harness';
	if (url.includes('node_modules')) return 'other dependencies';
	if (url.startsWith('node:')) return 'Node internals and native code';
	return 'other';
}

/**
 * @template T @param {() => Promise<T>} fn
 * @returns {Promise<{ value: T, shares: Array<[string, number]>, topOurs: Array<[string, number]> }>}
 */
async function profile(fn) {
	const session = new inspector.Session();
	session.connect();
	const post = (/** @type {string} */ method, /** @type {object} */ params = {}) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
		);
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 500 });
	await post('Profiler.start');
	const value = await fn();
	const { profile: cpuProfile } = /** @type {any} */ (await post('Profiler.stop'));
	session.disconnect();

	/** @type {Map<number, any>} */
	const nodes = new Map(cpuProfile.nodes.map((/** @type {any} */ node) => [node.id, node]));
	/** @type {Map<string, number>} */
	const byCategory = new Map();
	/** @type {Map<string, number>} */
	const ours = new Map();
	const total = cpuProfile.samples.length;
	for (const id of cpuProfile.samples) {
		const { callFrame } = nodes.get(id);
		const name = callFrame.functionName;
		const label =
			name === '(idle)'
				? 'idle (waiting on network or timers)'
				: name === '(garbage collector)'
					? 'garbage collection'
					: category(callFrame.url);
		byCategory.set(label, (byCategory.get(label) ?? 0) + 1);
		if (label.startsWith('this package')) {
			const where = `${name || '(anonymous)'} (${callFrame.url.replace(/^.*\/(lib|nodes)\//, '$1/')})`;
			ours.set(where, (ours.get(where) ?? 0) + 1);
		}
	}
	const share = (/** @type {Map<string, number>} */ map) => {
		/** @type {Array<[string, number]>} */
		const entries = [...map.entries()].map(([key, count]) => [key, (100 * count) / total]);
		return entries.sort((a, b) => b[1] - a[1]);
	};
	return { value, shares: share(byCategory), topOurs: share(ours).slice(0, 5) };
}

/**
 * Writes profile.md: for each profiled run, where the CPU time went and our hottest functions.
 * @param {Array<{ title: string, shares: Array<[string, number]>, topOurs: Array<[string, number]>, note: string }>} sections
 * @param {string} dir
 */
function writeProfileReport(sections, dir) {
	const fs = require('fs');
	const path = require('path');
	const lines = [
		'# Where the time goes',
		'',
		'CPU profiles (V8 sampling every 0.5 ms) of single runs, written by `npm run bench`.',
		'',
	];
	for (const section of sections) {
		lines.push(`## ${section.title}`, '', '| Where | Share of samples |', '| --- | --- |');
		for (const [where, percent] of section.shares)
			lines.push(`| ${where} | ${percent.toFixed(1)} % |`);
		lines.push(
			'',
			'Hottest functions of this package:',
			'',
			'| Function | Share |',
			'| --- | --- |',
		);
		for (const [where, percent] of section.topOurs)
			lines.push(`| \`${where}\` | ${percent.toFixed(2)} % |`);
		lines.push('', section.note, '');
	}
	fs.writeFileSync(path.join(dir, 'profile.md'), lines.join('\n'));
}

module.exports = { profile, writeProfileReport };
