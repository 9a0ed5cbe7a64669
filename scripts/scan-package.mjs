// n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before it lists or
// verifies a package), on this package before it is published. The scanner's command line only scans
// a package already on the npm registry with a provenance statement, and needs the network for both;
// the rest of what it does is one exported function, `analyzePackage`, which its command line calls on
// the attested source and on the published tarball. This script makes the same two calls: on the
// source tree, and on the tarball `npm pack` makes. Fails when either finds an error, as the scanner does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

/** One leg of the scan, reported the way the scanner reports it. */
async function scan(label, directory, patterns) {
	const verdict = await analyzePackage(directory, patterns);
	console.log(
		`scan-package: ${label}: ${verdict.passed ? 'passed' : `FAILED, ${verdict.message}`}`,
	);
	if (verdict.details) console.log(verdict.details);
	return verdict.passed;
}

const packDir = mkdtempSync(join(tmpdir(), 'scan-package-'));
try {
	execFileSync('npm', ['pack', '--quiet', '--pack-destination', packDir], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
	execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', packDir]);
	const sourceOk = await scan('source tree', resolve('.'), SOURCE_FILE_PATTERNS);
	const tarballOk = await scan(`packed tarball ${tarball}`, join(packDir, 'package'), [
		'**/*.js',
		'package.json',
	]);
	if (!sourceOk || !tarballOk) process.exitCode = 1;
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
