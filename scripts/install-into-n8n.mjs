// Installs packages of this repository into an n8n user folder the way n8n installs a community
// package (CommunityPackagesService.downloadPackage): the package's tarball, unpacked into
// <userFolder>/.n8n/nodes/node_modules/<name>, dev/peer/optional dependencies dropped, and recorded
// in <userFolder>/.n8n/nodes/package.json. n8n then loads it as "<name>.<node>" and resolves
// n8n-workflow from its own install. Run after `npm run build` (it refuses a build older than a source).
//
// Usage: node scripts/install-into-n8n.mjs <n8n user folder> [package ...]
//   package: a name (n8n-nodes-zoho-billing) or folder (packages/moengage); default the combined one.
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { COMBINED, REPO, pack, packageOf } from './packages.mjs';

const [folder, ...names] = process.argv.slice(2);
if (!folder) {
	console.error('usage: node scripts/install-into-n8n.mjs <n8n user folder> [package ...]');
	process.exit(2);
}
const userFolder = resolve(folder);
const builtEntry = join(REPO, COMBINED.manifest.n8n.nodes[0]);
if (!existsSync(builtEntry)) {
	console.error('install-into-n8n: dist/ is missing; run `npm run build` first');
	process.exit(1);
}
// The suites that install the package do not build it (.ci/run builds once): a source changed after
// the last build would be tested as it was, so it stops here instead.
const changed = sourceChangedAfter(statSync(builtEntry).mtimeMs);
if (changed) {
	console.error(
		`install-into-n8n: ${changed} changed after the last build; run \`npm run build\` first`,
	);
	process.exit(1);
}

/**
 * What `n8n-node build` compiles or copies: TypeScript, codex and schema JSON, icons. A service's
 * package.json, README and CHANGELOG are read when it is packed, so they need no build.
 */
function isBuildInput(path) {
	return /\.(ts|json|svg)$/.test(path) && !/(^|\/)package\.json$/.test(path);
}

/** A source file the build compiles or copies that is newer than `builtMs`, if any. */
function sourceChangedAfter(builtMs) {
	const newer = (path) => {
		const stat = statSync(path);
		if (!stat.isDirectory())
			return isBuildInput(path) && stat.mtimeMs > builtMs ? relative(REPO, path) : undefined;
		for (const name of readdirSync(path)) {
			if (name === 'node_modules') continue;
			const found = newer(join(path, name));
			if (found) return found;
		}
		return undefined;
	};
	for (const source of ['index.ts', 'lib', 'nodes', 'packages', 'tsconfig.json']) {
		const found = newer(join(REPO, source));
		if (found) return found;
	}
	return undefined;
}

const nodesDir = join(userFolder, '.n8n', 'nodes');
const manifestPath = join(nodesDir, 'package.json');
const packDir = mkdtempSync(join(tmpdir(), 'n8n-pack-'));
try {
	for (const pkg of (names.length > 0 ? names : [COMBINED.dir]).map(packageOf)) {
		const { name, version } = pkg.manifest;
		const tarball = pack(pkg, packDir);
		const target = join(nodesDir, 'node_modules', name);
		// Emptied rather than removed: a running n8n in dev reload (npm run dev) watches this folder,
		// and a watch on a removed folder sees nothing more.
		mkdirSync(target, { recursive: true });
		for (const entry of readdirSync(target))
			rmSync(join(target, entry), { recursive: true, force: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);

		const installed = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
		delete installed.devDependencies;
		delete installed.peerDependencies;
		delete installed.optionalDependencies;
		writeFileSync(join(target, 'package.json'), JSON.stringify(installed, null, 2));

		const manifest = existsSync(manifestPath)
			? JSON.parse(readFileSync(manifestPath, 'utf8'))
			: { name: 'installed-nodes', private: true };
		manifest.dependencies = { ...manifest.dependencies, [name]: version };
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		console.log(`install-into-n8n: ${name}@${version} installed into ${target}`);
	}
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
