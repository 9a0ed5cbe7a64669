// @ts-check
/**
 * Files of the package under test, read from disk. Plain JavaScript for the reason given in
 * test/support/stand-ins/http-stand-in.js: the lint config applies n8n Cloud's rules (no `fs`, no `__dirname`)
 * to every TypeScript file. Test-only.
 */
const { readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

const REPO_DIR = join(__dirname, '../..');
/** The service packages' folders (packages/<service>), each with its nodes/ and credentials/. */
const PACKAGES_DIR = join(REPO_DIR, 'packages');
const SERVICE_DIRS = readdirSync(PACKAGES_DIR).map((name) => join(PACKAGES_DIR, name));

/** The folder of a node (`ZohoBilling`): packages/<service>/nodes/<Node>. @param {string} node */
function nodeDir(node) {
	const dir = SERVICE_DIRS.map((service) => join(service, 'nodes', node)).find((candidate) => {
		try {
			return statSync(candidate).isDirectory();
		} catch {
			return false;
		}
	});
	if (!dir) throw new Error(`no node folder ${node} in packages/*/nodes`);
	return dir;
}

/** A schema path (`<Node>/__schema__/…`) as a file. @param {string} path */
const schemaFile = (path) => join(nodeDir(path.split('/')[0]), path.slice(path.indexOf('/') + 1));

/** @param {string} dir @param {string} root @returns {string[]} */
function schemasUnder(dir, root) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return schemasUnder(path, root);
		return path.includes('/__schema__/') && name.endsWith('.json') ? [relative(root, path)] : [];
	});
}

/** Every output schema the packages ship, as `<Node>/__schema__/…`. @returns {string[]} */
function shippedSchemaPaths() {
	return SERVICE_DIRS.flatMap((service) =>
		schemasUnder(join(service, 'nodes'), join(service, 'nodes')),
	);
}

/** A shipped schema, parsed. @param {string} path `<Node>/__schema__/…` @returns {unknown} */
function readShippedSchema(path) {
	return JSON.parse(readFileSync(schemaFile(path), 'utf8'));
}

/** Whether `npm run schemas` runs the schema test: it writes the generated schemas then. */
const UPDATE_SCHEMAS = process.env.UPDATE_SCHEMAS === '1';

/** Writes a shipped schema (`<Node>/__schema__/…`): only `npm run schemas` does. @param {string} path @param {string} text */
function writeShippedSchema(path, text) {
	writeFileSync(schemaFile(path), text);
}

/** A shipped schema's file as committed (`<Node>/__schema__/…`). @param {string} path @returns {string} */
function readShippedSchemaText(path) {
	return readFileSync(schemaFile(path), 'utf8');
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

/** The user-facing Markdown: the READMEs and changelogs of all three packages, and docs/. @returns {string[]} paths from the root */
function markdownDocs() {
	const docs = readdirSync(join(REPO_DIR, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`);
	const services = SERVICE_DIRS.flatMap((service) =>
		['README.md', 'CHANGELOG.md'].map((file) => `${relative(REPO_DIR, service)}/${file}`),
	);
	return ['README.md', 'CHANGELOG.md', ...services, ...docs];
}

/** Every codex file (`<Node>.node.json`), as a path from the root. @returns {string[]} */
function codexPaths() {
	return SERVICE_DIRS.flatMap((service) =>
		readdirSync(join(service, 'nodes')).map(
			(name) => `${relative(REPO_DIR, service)}/nodes/${name}/${name}.node.json`,
		),
	).filter(repoFileExists);
}

/** A node's codex file (`<Node>.node.json`), as a path from the root. @param {string} node */
const codexPath = (node) => `${relative(REPO_DIR, nodeDir(node))}/${node}.node.json`;

/** Every file of the repository git knows, paths from the root. @returns {string[]} */
function repositoryFiles() {
	return require('child_process')
		.execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
			cwd: REPO_DIR,
			encoding: 'utf8',
		})
		.split('\n')
		.filter((path) => path !== '' && repoFileExists(path));
}

const CITED_PATH = /(?<![\w./@:$-])([\w.-]+\/[\w./-]*\w\.(?:ts|js|mjs|md|json|sh))\b/g;

/**
 * The file paths that source comments, scripts and docs cite (`lib/zoho/event-poll.ts`,
 * `nodes/shared/moengage/client.ts`), each with the file citing it and whether it leads to a file
 * of the repository: from the root, from the citing file's folder, or as the end of a path.
 * @returns {Array<{ cited: string, by: string, found: boolean }>}
 */
function citedPaths() {
	const files = repositoryFiles();
	const citing = files.filter(
		(path) => /\.(ts|js|mjs|md|sh|yml)$/.test(path) && !path.startsWith('docs/benchmark-results/'),
	);
	return citing.flatMap((by) =>
		[...readFileSync(join(REPO_DIR, by), 'utf8').matchAll(CITED_PATH)].map(([, cited]) => ({
			cited,
			by,
			found:
				repoFileExists(cited) ||
				repoFileExists(join(by, '..', cited)) ||
				files.some((path) => path.endsWith(`/${cited}`)),
		})),
	);
}

module.exports = {
	citedPaths,
	shippedSchemaPaths,
	readShippedSchema,
	readShippedSchemaText,
	writeShippedSchema,
	UPDATE_SCHEMAS,
	readRepoFile,
	repoFileExists,
	markdownDocs,
	codexPaths,
	codexPath,
	SERVICE_DIRS,
};
