// Checks what `npm pack` would publish: only dist/, README, LICENSE and package.json; every node and
// credential that package.json lists is built; and no runtime `dependencies` (n8n's community rule).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
const files = report.files.map((file) => file.path);
const allowed = (path) =>
	path.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(path);
for (const path of files.filter((candidate) => !allowed(candidate)))
	problems.push(`npm pack would publish ${path}`);
for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'README.md', 'LICENSE']) {
	if (!files.includes(path)) problems.push(`npm pack would not publish ${path}`);
}
if (files.some((path) => path.startsWith('dist/test/') || path.endsWith('.test.js')))
	problems.push('tests would be published');

if (problems.length > 0) {
	console.error(problems.map((problem) => `check-package: ${problem}`).join('\n'));
	process.exit(1);
}
console.log(
	`check-package: ok (${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed, no runtime dependencies)`,
);
