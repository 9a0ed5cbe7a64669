// Checks what `npm pack` would publish, for each of the three packages (scripts/packages.mjs): exactly
// what n8n loads (the compiled nodes and credentials the `n8n` section lists, the modules they import,
// their icons, codex files and output schemas), plus package.json, README, LICENSE and CHANGELOG
// (and, for the combined package, index.js with its types). Nothing else: no screenshots, benchmark
// charts, build caches or tests. Also n8n's rules: no runtime `dependencies`, MIT. And for a service
// package: one service only (no file built from the other service's nodes, credentials, icons or
// client), an `n8n` section listing exactly the nodes and credentials in its folder, and the version
// of the combined package.
//
// Usage: node scripts/check-package.mjs   (after `npm run build`)
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	unlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';

import { COMBINED, PACKAGES, REPO, SERVICES, buildPathOf, ownedBy, stage } from './packages.mjs';

/** Each kind of file a package may hold, and why n8n (or a user) needs it. */
const ALLOWED = [
	[/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/, 'package metadata and docs'],
	[/^dist\/index\.(js|d\.ts)$/, 'the classes for code that loads them (combined package)'],
	[/^dist\/(lib|nodes\/shared)\/.+\.(js|d\.ts)$/, 'the modules the nodes import'],
	// A service package's own nodes, credentials and icons sit at dist/ (scripts/packages.mjs, Layout);
	// the combined package's under dist/packages/<service>/.
	[
		/^dist\/(packages\/[^/]+\/)?(credentials|nodes)\/.+\.(js|d\.ts)$/,
		'compiled nodes and credentials',
	],
	[/^dist\/(packages\/[^/]+\/)?nodes\/[^/]+\/[^/]+\.node\.json$/, "the nodes' codex files"],
	[/^dist\/(packages\/[^/]+\/)?nodes\/[^/]+\/__schema__\/.+\.json$/, 'output schemas'],
	[/^dist\/(packages\/[^/]+\/)?icons\/[^/]+\.svg$/, 'icons'],
];

// The README is for users and stays lean (n8n shows it on the package's page).
const README_LIMIT = 16_000;

/** The n8n entries a service folder's sources make: dist/ paths of its nodes and credentials. */
function entriesInFolder(pkg) {
	const nodes = readdirSync(join(REPO, pkg.dir, 'nodes'))
		.filter((name) => existsSync(join(REPO, pkg.dir, 'nodes', name, `${name}.node.ts`)))
		.map((name) => `dist/nodes/${name}/${name}.node.js`);
	const credentials = readdirSync(join(REPO, pkg.dir, 'credentials'))
		.filter((name) => name.endsWith('.credentials.ts'))
		.map((name) => `dist/credentials/${name.replace(/\.ts$/, '.js')}`);
	return { nodes: nodes.sort(), credentials: credentials.sort() };
}

/** Every `file:` icon a description points at, resolved against the file n8n loaded it from. */
function iconFiles(description, loadedFrom) {
	const icons =
		typeof description.icon === 'string'
			? [description.icon]
			: Object.values(description.icon ?? {});
	return icons
		.filter((icon) => typeof icon === 'string' && icon.startsWith('file:'))
		.map((icon) => normalize(join(dirname(loadedFrom), icon.slice('file:'.length))));
}

const sorted = (values) => [...values].sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** The problems of a package staged in `dir` (its folder as npm packs it), and a summary. */
function check(pkg, dir) {
	const { manifest } = pkg;
	const problems = [];

	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0)
		problems.push(`has runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
	if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, not MIT`);

	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], {
			cwd: dir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	);
	const files = new Set(report.files.map((file) => file.path));
	for (const path of files)
		if (!ALLOWED.some(([pattern]) => pattern.test(path)))
			problems.push(`npm pack would publish ${path}`);
	const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
	if (pkg === COMBINED) required.push(manifest.main, manifest.types);
	for (const path of required)
		if (!files.has(path)) problems.push(`npm pack would not publish ${path}`);

	const readmeBytes = statSync(join(REPO, pkg.dir, 'README.md')).size;
	if (readmeBytes >= README_LIMIT)
		problems.push(
			`README.md is ${readmeBytes} bytes; keep it under ${README_LIMIT} (move detail to docs/)`,
		);

	if (pkg.service !== undefined) {
		if (manifest.version !== COMBINED.manifest.version)
			problems.push(
				`version ${manifest.version} differs from the combined package's ${COMBINED.manifest.version} (node scripts/packages.mjs version <x.y.z> sets all three)`,
			);
		const inFolder = entriesInFolder(pkg);
		if (
			!same(manifest.n8n.nodes, inFolder.nodes) ||
			!same(manifest.n8n.credentials, inFolder.credentials)
		)
			problems.push(
				`the n8n section must list exactly the nodes and credentials in ${pkg.dir}: ${JSON.stringify(inFolder)}`,
			);
		for (const other of SERVICES.filter((candidate) => candidate !== pkg))
			for (const path of files)
				if (path.startsWith('dist/') && ownedBy(other.service, buildPathOf(pkg, path)))
					problems.push(`carries ${path}, a file of the ${other.service} service`);
	} else {
		const union = (key) =>
			SERVICES.flatMap((service) =>
				service.manifest.n8n[key].map((entry) => buildPathOf(service, entry)),
			);
		if (
			!same(manifest.n8n.nodes, union('nodes')) ||
			!same(manifest.n8n.credentials, union('credentials'))
		)
			problems.push("the n8n section must list every service package's nodes and credentials");
	}

	// Load each node and credential as n8n does, from the folder npm packs; it and every icon it names
	// must be packed. n8n-workflow comes from the repository, as n8n supplies its own.
	const linked = pkg !== COMBINED && !existsSync(join(dir, 'node_modules'));
	if (linked) symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
	let iconsChecked = 0;
	try {
		const load = createRequire(join(dir, 'package.json'));
		const main =
			pkg === COMBINED && files.has(manifest.main) ? load(`./${manifest.main}`) : undefined;
		for (const path of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			if (!files.has(path)) {
				problems.push(`npm pack would not publish ${path}, which its n8n section lists`);
				continue;
			}
			for (const [name, Class] of Object.entries(load(`./${path}`))) {
				if (main && main[name] !== Class)
					problems.push(`${manifest.main} does not export ${name} from ${path}`);
				// n8n loads these files by class name; anything else they export belongs in lib/.
				if (typeof Class !== 'function') {
					problems.push(
						`${path} exports ${name}, which is not a node or credential class; move it to lib/`,
					);
					continue;
				}
				const instance = new Class();
				const descriptions = instance.nodeVersions
					? [
							instance.description,
							...Object.values(instance.nodeVersions).map((v) => v.description),
						]
					: [instance.description ?? instance];
				for (const description of descriptions)
					for (const icon of iconFiles(description, path)) {
						iconsChecked++;
						if (!files.has(icon))
							problems.push(`${path} names the icon ${icon}, which is not packed`);
					}
			}
		}
	} finally {
		if (linked) unlinkSync(join(dir, 'node_modules'));
	}
	if (iconsChecked === 0)
		problems.push('found no icon in any node or credential; the check is broken');

	return {
		problems: problems.map((problem) => `check-package: ${manifest.name}: ${problem}`),
		summary:
			`check-package: ${manifest.name}: ok (${files.size} files, ${(report.size / 1024).toFixed(1)} kB packed, ` +
			`${iconsChecked} icon references, no runtime dependencies, README ${readmeBytes} bytes)`,
	};
}

const stageDir = mkdtempSync(join(tmpdir(), 'check-package-'));
let failed = false;
try {
	for (const pkg of PACKAGES) {
		const { problems, summary } = check(pkg, stage(pkg, stageDir));
		if (problems.length > 0) {
			console.error(problems.join('\n'));
			failed = true;
		} else console.log(summary);
	}
	// The check must be able to fail: a MoEngage package that also carries the Zoho Billing client
	// (as a careless import would pull in) is refused, naming the file.
	const [zohoBilling, moEngage] = SERVICES;
	const planted = 'dist/nodes/shared/zoho-billing/client.js';
	// (dist/nodes/shared/ keeps its place in every package.)
	const dir = stage(moEngage, join(stageDir, 'planted'));
	mkdirSync(dirname(join(dir, planted)), { recursive: true });
	cpSync(join(REPO, planted), join(dir, planted));
	const expected = `check-package: ${moEngage.manifest.name}: carries ${planted}, a file of the ${zohoBilling.service} service`;
	if (!check(moEngage, dir).problems.includes(expected)) {
		console.error(`check-package: the one-service check did not refuse a planted ${planted}`);
		failed = true;
	} else
		console.log(
			`check-package: refuses a service package that carries the other service's files (checked)`,
		);
} finally {
	rmSync(stageDir, { recursive: true, force: true });
}
if (failed) process.exit(1);
