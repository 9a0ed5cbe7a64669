// n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before it lists or
// verifies a package), on each of the three packages (scripts/packages.mjs) before it is published. The scanner's command line only scans
// a package already on the npm registry with a provenance statement, and needs the network for both;
// the rest of what it does is one exported function, `analyzePackage`, which its command line calls on
// the attested source and on the published tarball. This script makes the same two calls for each
// package: on its source folder, and on the tarball `npm pack` makes. Fails when either finds an error,
// as the scanner does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

import { PACKAGES, REPO, pack } from './packages.mjs';

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
	for (const pkg of PACKAGES) {
		// The source leg as n8n's scanner runs it on the repository at the attested commit: the folder
		// whose package.json names the package (a service package's own folder).
		const sourceOk = await scan(
			`${pkg.manifest.name}: source (${pkg.dir})`,
			resolve(REPO, pkg.dir),
			SOURCE_FILE_PATTERNS,
		);
		const tarball = pack(pkg, join(packDir, pkg.manifest.name));
		const unpacked = join(packDir, pkg.manifest.name, 'unpacked');
		mkdirSync(unpacked, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
		const tarballOk = await scan(
			`${pkg.manifest.name}: packed tarball ${basename(tarball)}`,
			join(unpacked, 'package'),
			['**/*.js', 'package.json'],
		);
		if (!sourceOk || !tarballOk) process.exitCode = 1;
	}
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
