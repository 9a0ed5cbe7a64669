// Checks what `npm pack` would publish: exactly what n8n loads (the compiled nodes and credentials
// package.json lists, the modules they import, their icons, codex files and output schemas) plus
// index.js with its types, README, LICENSE, CHANGELOG and package.json. Nothing else: no screenshots,
// benchmark charts, build caches or tests. Also: no runtime `dependencies` (n8n's community rule).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];

if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
	problems.push(
		`package.json has runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`,
	);
}

const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	}),
);
const files = new Set(report.files.map((file) => file.path));

/** Each kind of file the package may hold, and why n8n (or a user) needs it. */
const ALLOWED = [
	[/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/, 'package metadata and docs'],
	[/^dist\/index\.(js|d\.ts)$/, 'the classes for code that loads them'],
	[
		/^dist\/(credentials|lib|nodes)\/.+\.(js|d\.ts)$/,
		'compiled nodes, credentials and their modules',
	],
	[/^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/, "the nodes' codex (categories, documentation links)"],
	[/^dist\/nodes\/[^/]+\/__schema__\/.+\.json$/, 'output schemas n8n shows before a node has run'],
	[/^dist\/icons\/[^/]+\.svg$/, 'icons'],
];
for (const path of files) {
	if (!ALLOWED.some(([pattern]) => pattern.test(path)))
		problems.push(`npm pack would publish ${path}`);
}
for (const path of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', pkg.main, pkg.types]) {
	if (!files.has(path)) problems.push(`npm pack would not publish ${path}`);
}

// The README is for users and stays lean (n8n shows it on the package's page).
const README_LIMIT = 16_000;
const readmeBytes = statSync(new URL('../README.md', import.meta.url)).size;
if (readmeBytes >= README_LIMIT)
	problems.push(
		`README.md is ${readmeBytes} bytes; keep it under ${README_LIMIT} (move detail to docs/)`,
	);

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

// Load each node and credential as n8n does; it and every icon it names must be packed, and the
// package's main module must export it too.
const main = files.has(pkg.main) ? require(`../${pkg.main}`) : {};
let iconsChecked = 0;
for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!files.has(path)) {
		problems.push(`npm pack would not publish ${path}, which package.json's n8n section lists`);
		continue;
	}
	for (const [name, Class] of Object.entries(require(`../${path}`))) {
		if (main[name] !== Class) problems.push(`${pkg.main} does not export ${name} from ${path}`);
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
					...Object.values(instance.nodeVersions).map((version) => version.description),
				]
			: [instance.description ?? instance];
		for (const description of descriptions) {
			for (const icon of iconFiles(description, path)) {
				iconsChecked++;
				if (!files.has(icon)) problems.push(`${path} names the icon ${icon}, which is not packed`);
			}
		}
	}
}
if (iconsChecked === 0)
	problems.push('found no icon in any node or credential; the check is broken');

if (problems.length > 0) {
	console.error(problems.map((problem) => `check-package: ${problem}`).join('\n'));
	process.exit(1);
}
console.log(
	`check-package: ok (${files.size} files, ${(report.size / 1024).toFixed(1)} kB packed, ` +
		`${(report.unpackedSize / 1024).toFixed(1)} kB unpacked, ${iconsChecked} icon references, ` +
		`no runtime dependencies, README ${readmeBytes} bytes)`,
);
