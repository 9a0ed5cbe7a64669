// Installs this package into an n8n user folder the way n8n installs a community package
// (CommunityPackagesService.downloadPackage): `npm pack`, unpack into
// <userFolder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies, and record it in
// <userFolder>/.n8n/nodes/package.json. n8n then loads it as "<name>.<node>" and resolves
// n8n-workflow from its own install. Run after `npm run build`.
//
// Usage: node scripts/install-into-n8n.mjs <n8n user folder>
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const userFolder = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
	console.error('usage: node scripts/install-into-n8n.mjs <n8n user folder>');
	process.exit(2);
}
const repo = resolve(new URL('..', import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
if (!existsSync(join(repo, pkg.n8n.nodes[0]))) {
	console.error('install-into-n8n: dist/ is missing; run `npm run build` first');
	process.exit(1);
}

const packDir = mkdtempSync(join(tmpdir(), 'n8n-pack-'));
const tarball = execFileSync('npm', ['pack', '--quiet', '--pack-destination', packDir], {
	cwd: repo,
	encoding: 'utf8',
})
	.trim()
	.split('\n')
	.pop();

const nodesDir = join(userFolder, '.n8n', 'nodes');
const target = join(nodesDir, 'node_modules', pkg.name);
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', target, '--strip-components=1']);
rmSync(packDir, { recursive: true, force: true });

const installed = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
delete installed.devDependencies;
delete installed.peerDependencies;
delete installed.optionalDependencies;
writeFileSync(join(target, 'package.json'), JSON.stringify(installed, null, 2));

const manifestPath = join(nodesDir, 'package.json');
const manifest = existsSync(manifestPath)
	? JSON.parse(readFileSync(manifestPath, 'utf8'))
	: { name: 'installed-nodes', private: true };
manifest.dependencies = { ...manifest.dependencies, [pkg.name]: pkg.version };
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
console.log(`install-into-n8n: ${pkg.name}@${pkg.version} installed into ${target}`);
