// @ts-check
/**
 * Files of the package under test, read from disk. Plain JavaScript for the reason given in
 * test/support/stand-ins/http-stand-in.js: the lint config applies n8n Cloud's rules (no `fs`, no `__dirname`)
 * to every TypeScript file. Test-only.
 */
const { readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

const REPO_DIR = join(__dirname, '../..');
const NODES_DIR = join(REPO_DIR, 'nodes');

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

/** Whether `npm run schemas` runs the schema test: it writes the generated schemas then. */
const UPDATE_SCHEMAS = process.env.UPDATE_SCHEMAS === '1';

/** Writes a shipped schema (path under nodes/): only `npm run schemas` does. @param {string} path @param {string} text */
function writeShippedSchema(path, text) {
	writeFileSync(join(NODES_DIR, path), text);
}

/** A shipped schema's file as committed (path under nodes/). @param {string} path @returns {string} */
function readShippedSchemaText(path) {
	return readFileSync(join(NODES_DIR, path), 'utf8');
}

/** A file of the repository, by its path from the repository root, or undefined if there is none. @param {string} path @returns {string | undefined} */
function readRepoFile(path) {
	try {
		return readFileSync(join(REPO_DIR, path), 'utf8');
	} catch {
		return undefined;
	}
}

/** Whether the repository holds this file or folder. @param {string} path @returns {boolean} */
function repoFileExists(path) {
	try {
		return statSync(join(REPO_DIR, path.replace(/\/$/, ''))) !== undefined;
	} catch {
		return false;
	}
}

/** The user-facing Markdown: README, changelog and docs/. @returns {string[]} paths from the root */
function markdownDocs() {
	const docs = readdirSync(join(REPO_DIR, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`);
	return ['README.md', 'CHANGELOG.md', ...docs];
}

/** Every codex file (`<Node>.node.json`), as a path from the root. @returns {string[]} */
function codexPaths() {
	return readdirSync(NODES_DIR)
		.map((name) => `nodes/${name}/${name}.node.json`)
		.filter(repoFileExists);
}

module.exports = {
	shippedSchemaPaths,
	readShippedSchema,
	readShippedSchemaText,
	writeShippedSchema,
	UPDATE_SCHEMAS,
	readRepoFile,
	repoFileExists,
	markdownDocs,
	codexPaths,
};
