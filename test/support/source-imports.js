// @ts-check
/**
 * The TypeScript sources a set of files loads, following every relative import, and the package
 * catalogue of scripts/packages.mjs: for the one-service check of the service packages. Plain
 * JavaScript for the reason test/support/package-files.js gives (files and processes). Test-only.
 */
const { execFileSync } = require('child_process');
const { existsSync, readdirSync, readFileSync, statSync } = require('fs');
const { dirname, join, relative } = require('path');

const REPO_DIR = join(__dirname, '../..');
const IMPORT = /(?:from|import\(|require\()\s*'(\.{1,2}\/[^']+)'/g;

/** Every `.ts` file under a folder of the repository. @param {string} folder @returns {string[]} */
function sourcesUnder(folder) {
	const dir = join(REPO_DIR, folder);
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourcesUnder(relative(REPO_DIR, path));
		return name.endsWith('.ts') ? [relative(REPO_DIR, path)] : [];
	});
}

/** The files (from the repository root) `files` load, themselves included. @param {string[]} files @returns {string[]} */
function importClosure(files) {
	const seen = new Set();
	const pending = [...files];
	while (pending.length > 0) {
		const file = /** @type {string} */ (pending.pop());
		if (seen.has(file)) continue;
		seen.add(file);
		if (!file.endsWith('.ts')) continue;
		for (const [, spec] of readFileSync(join(REPO_DIR, file), 'utf8').matchAll(IMPORT)) {
			const base = join(dirname(join(REPO_DIR, file)), spec);
			const found = [base, `${base}.ts`, join(base, 'index.ts')].find(
				(candidate) => existsSync(candidate) && statSync(candidate).isFile(),
			);
			if (!found) throw new Error(`${file} imports ${spec}, which does not exist`);
			pending.push(relative(REPO_DIR, found));
		}
	}
	return [...seen].sort();
}

/**
 * The packages as scripts/packages.mjs describes them (an ES module, read in a child process).
 * @returns {Array<{ dir: string, service: string | undefined, owns: string[], manifest: { name: string, version: string } }>}
 */
function packageCatalogue() {
	const script =
		"import('./scripts/packages.mjs').then((m) => process.stdout.write(JSON.stringify(m.PACKAGES)))";
	return JSON.parse(
		execFileSync(process.execPath, ['-e', script], { cwd: REPO_DIR, encoding: 'utf8' }),
	);
}

module.exports = { sourcesUnder, importClosure, packageCatalogue };
