// The three npm packages built from this one source tree, and how each is assembled from the one
// build (`npm run build`, which compiles everything into dist/):
//
// - n8n-nodes-zoho-billing-moengage (the repository root): every node and credential.
// - n8n-nodes-zoho-billing (packages/zoho-billing): the Zoho Billing node, both triggers, their two
//   credentials.
// - n8n-nodes-moengage (packages/moengage): the MoEngage node (with its Zoho Billing event preset,
//   which calls only MoEngage) and its credential.
//
// n8n verifies one service per package (docs/verification.md). Each service folder holds its own
// nodes/, credentials/ and icons/ sources with its package.json, so `n8n-node lint` in the folder and
// n8n's scanner (which finds a package in a repository by the name in its package.json and lints its
// nodes/ and credentials/) see exactly its sources. Its published files are the closure of what its
// nodes and credentials load from dist/: their modules, followed through every relative require,
// the icons they name, their codex files and output schemas.
//
// Layout: n8n's lint rules find a package's sources from its `n8n` section by the convention
// `dist/<path>.js` for `<path>.ts` in the package's folder. The one build compiles the repository
// into dist/ as the repository is laid out (the combined package: dist/packages/<service>/nodes/…),
// so a service package moves its own folder's output up to dist/ (dist/nodes/…, dist/credentials/…,
// dist/icons/…) and keeps the shared modules where they are (dist/lib/…, dist/nodes/shared/…); the
// relative requires of the moved files are rewritten for their new place, nothing else changes.
//
// Usage: node scripts/packages.mjs stage <out dir>   stage every package (package/ folders to pack)
//        node scripts/packages.mjs pack <out dir>    stage and `npm pack` each; prints the tarballs
//        node scripts/packages.mjs lint              `n8n-node lint` in each service folder
//        node scripts/packages.mjs version <x.y.z>   set the version of all three (they move together)
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const readJson = (path) => JSON.parse(readFileSync(join(REPO, path), 'utf8'));

/**
 * The packages. `owns`: source folders that belong to one service only (its nodes, credentials,
 * icons and API client); the other service's package must carry nothing built from them.
 */
export const PACKAGES = [
	{ dir: '.', service: undefined, owns: [] },
	{
		dir: 'packages/zoho-billing',
		service: 'zoho-billing',
		owns: ['packages/zoho-billing/', 'nodes/shared/zoho-billing/'],
	},
	{
		dir: 'packages/moengage',
		service: 'moengage',
		owns: ['packages/moengage/', 'nodes/shared/moengage/'],
	},
].map((pkg) => ({ ...pkg, manifest: readJson(join(pkg.dir, 'package.json')) }));

export const COMBINED = PACKAGES[0];
export const SERVICES = PACKAGES.filter((pkg) => pkg.service !== undefined);

/** The package a name or folder stands for. */
export function packageOf(nameOrDir) {
	const found = PACKAGES.find(
		(pkg) => pkg.manifest.name === nameOrDir || pkg.dir === nameOrDir.replace(/\/$/, ''),
	);
	if (!found) throw new Error(`packages: no package ${nameOrDir}`);
	return found;
}

/** Where a file of the one build (dist/ as the repository is laid out) sits in `pkg`'s package. */
export function packagedPath(pkg, rootDistPath) {
	if (pkg.service === undefined) return rootDistPath;
	const own = `dist/${pkg.dir}/`;
	return rootDistPath.startsWith(own) ? `dist/${rootDistPath.slice(own.length)}` : rootDistPath;
}

/** The file of the one build that a path of `pkg`'s package comes from (inverse of packagedPath). */
export function buildPathOf(pkg, packaged) {
	if (pkg.service === undefined) return packaged;
	return packaged.replace(
		/^dist\/(nodes\/(?!shared\/)|credentials\/|icons\/)/,
		`dist/${pkg.dir}/$1`,
	);
}

/** The source path (from the repository root) a dist/ path was built from. */
export function sourceOf(distPath) {
	return distPath.replace(/^dist\//, '').replace(/\.(js|d\.ts)$/, '.ts');
}

/** Whether a dist/ path was built from a folder that belongs to `service` alone. */
export function ownedBy(service, distPath) {
	const source = sourceOf(distPath);
	return SERVICES.find((pkg) => pkg.service === service).owns.some((folder) =>
		source.startsWith(folder),
	);
}

const isFile = (path) => existsSync(path) && statSync(path).isFile();

const REQUIRE = /require\("(\.{1,2}\/[^"]+)"\)/g;
const ICON = /["']file:(\.{1,2}\/[^"']+)["']/g;

/**
 * Every dist/ file (paths from the repository root) the package's nodes and credentials need at
 * run time: the entry files its `n8n` section lists, each relative require followed, the icons named
 * by `file:`, and each node folder's codex (`<Node>.node.json`) and `__schema__` files.
 */
export function runtimeClosure(pkg) {
	const entries = [...pkg.manifest.n8n.nodes, ...pkg.manifest.n8n.credentials].map((entry) =>
		buildPathOf(pkg, entry),
	);
	const files = new Set();
	const pending = [...entries];
	while (pending.length > 0) {
		const file = pending.pop();
		if (files.has(file)) continue;
		if (!existsSync(join(REPO, file)))
			throw new Error(`packages: ${file} is missing; run npm run build`);
		files.add(file);
		if (!file.endsWith('.js')) continue;
		const code = readFileSync(join(REPO, file), 'utf8');
		for (const [, spec] of code.matchAll(REQUIRE)) {
			const target = posix.normalize(posix.join(posix.dirname(file), spec));
			const resolved = [target, `${target}.js`, `${target}/index.js`].find((candidate) =>
				isFile(join(REPO, candidate)),
			);
			if (!resolved) throw new Error(`packages: ${file} requires ${spec}, which dist/ lacks`);
			pending.push(resolved);
		}
		for (const [, icon] of code.matchAll(ICON))
			pending.push(posix.normalize(posix.join(posix.dirname(file), icon)));
	}
	for (const node of pkg.manifest.n8n.nodes.map((entry) => buildPathOf(pkg, entry))) {
		const folder = posix.dirname(node);
		const codex = node.replace(/\.js$/, '.json');
		if (existsSync(join(REPO, codex))) files.add(codex);
		const schemas = join(REPO, folder, '__schema__');
		if (existsSync(schemas))
			for (const schema of readdirSync(schemas, { recursive: true }))
				if (String(schema).endsWith('.json'))
					files.add(posix.join(folder, '__schema__', String(schema)));
	}
	return [...files].sort();
}

/**
 * A folder ready for `npm pack` or `npm publish`: the combined package is packed from the root as
 * its `files` say; a service package gets its manifest (the shared version, no scripts), README,
 * CHANGELOG, the root's LICENSE and its runtime closure of dist/.
 */
export function stage(pkg, outDir) {
	if (pkg.service === undefined) return REPO;
	const target = join(outDir, pkg.manifest.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const { scripts: _scripts, devDependencies: _dev, ...manifest } = pkg.manifest;
	writeFileSync(
		join(target, 'package.json'),
		`${JSON.stringify({ ...manifest, version: COMBINED.manifest.version }, null, '\t')}\n`,
	);
	for (const file of ['README.md', 'CHANGELOG.md'])
		cpSync(join(REPO, pkg.dir, file), join(target, file));
	cpSync(join(REPO, 'LICENSE'), join(target, 'LICENSE'));
	for (const file of runtimeClosure(pkg)) {
		const packaged = packagedPath(pkg, file);
		mkdirSync(dirname(join(target, packaged)), { recursive: true });
		if (!file.endsWith('.js')) {
			cpSync(join(REPO, file), join(target, packaged));
			continue;
		}
		// Each relative require and icon, pointed from the file's new place at its target's new place.
		const relocate = (spec) => {
			const to = packagedPath(pkg, posix.normalize(posix.join(posix.dirname(file), spec)));
			const relative = posix.relative(posix.dirname(packaged), to);
			return relative.startsWith('.') ? relative : `./${relative}`;
		};
		const code = readFileSync(join(REPO, file), 'utf8')
			.replace(REQUIRE, (_match, spec) => `require("${relocate(spec)}")`)
			.replace(ICON, (match, spec) => match.replace(spec, relocate(spec)));
		writeFileSync(join(target, packaged), code);
	}
	return target;
}

/** `npm pack` of a staged package into `outDir`; returns the tarball's path. */
export function pack(pkg, outDir) {
	mkdirSync(outDir, { recursive: true });
	const tarball = execFileSync('npm', ['pack', '--quiet', '--pack-destination', resolve(outDir)], {
		cwd: stage(pkg, join(outDir, 'staged')),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	})
		.trim()
		.split('\n')
		.pop();
	return join(resolve(outDir), tarball);
}

/** Sets the version of all three manifests (and lib/release.ts, which the nodes compile in). */
function setVersion(version) {
	if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version))
		throw new Error(`packages: "${version}" is not a version such as 0.2.0`);
	for (const pkg of PACKAGES) {
		const path = join(REPO, pkg.dir, 'package.json');
		const manifest = JSON.parse(readFileSync(path, 'utf8'));
		writeFileSync(path, `${JSON.stringify({ ...manifest, version }, null, '\t')}\n`);
	}
	const release = join(REPO, 'lib/release.ts');
	writeFileSync(
		release,
		readFileSync(release, 'utf8').replace(/RELEASE = '[^']*'/, `RELEASE = '${version}'`),
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [command, argument] = process.argv.slice(2);
	if (command === 'stage' && argument) {
		for (const pkg of PACKAGES) console.log(relative(process.cwd(), stage(pkg, argument)) || '.');
	} else if (command === 'pack' && argument) {
		for (const pkg of PACKAGES) console.log(pack(pkg, argument));
	} else if (command === 'lint') {
		for (const pkg of SERVICES) {
			console.log(`packages: n8n-node lint in ${pkg.dir}`);
			execFileSync(join(REPO, 'node_modules/.bin/n8n-node'), ['lint'], {
				cwd: join(REPO, pkg.dir),
				stdio: 'inherit',
			});
		}
	} else if (command === 'version' && argument) {
		setVersion(argument);
	} else {
		console.error('usage: node scripts/packages.mjs stage|pack <out dir> | lint | version <x.y.z>');
		process.exit(2);
	}
}
