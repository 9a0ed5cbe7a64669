// @ts-check
/**
 * Files of the package under test, read from disk. Plain JavaScript for the reason given in
 * test/stand-ins/http-stand-in.js: the lint config applies n8n Cloud's rules (no `fs`, no `__dirname`)
 * to every TypeScript file. Test-only.
 */
const { readdirSync, readFileSync, statSync } = require('fs');
const { join, relative } = require('path');

const NODES_DIR = join(__dirname, '../../nodes');

/** Every output schema the package ships, as a path under nodes/. @returns {string[]} */
function shippedSchemaPaths(dir = NODES_DIR) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return shippedSchemaPaths(path);
		return path.includes('/__schema__/') && name.endsWith('.json')
			? [relative(NODES_DIR, path)]
			: [];
	});
}

/** A shipped schema, parsed. @param {string} path under nodes/ @returns {unknown} */
function readShippedSchema(path) {
	return JSON.parse(readFileSync(join(NODES_DIR, path), 'utf8'));
}

module.exports = { shippedSchemaPaths, readShippedSchema };
