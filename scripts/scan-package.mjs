// The lint leg of n8n's own scanner (@n8n/scan-community-package, the check n8n runs before it lists
// or verifies a community package), without its network legs (provenance and the download of the
// published source): its ESLint config over this source tree, then over the packed tarball, exactly
// as it lints the attested source and the published package. Fails on any finding, warnings included.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
	buildScanConfig,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

/** The scanner's own verdict, plus every warning (which the scanner shows but does not fail on). */
async function scan(label, directory, patterns) {
	const verdict = await analyzePackage(directory, patterns);
	const eslint = new ESLint({
		cwd: directory,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: directory,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const findings = (await eslint.lintFiles(files)).flatMap((result) =>
		result.messages.map(
			(message) =>
				`${relative(directory, result.filePath)}:${message.line ?? 0} ${message.ruleId ?? ''} ${message.message}`,
		),
	);
	const ok = verdict.passed && findings.length === 0 && files.length > 0;
	console.log(
		`scan-package: ${label}: ${files.length} files, ${findings.length} findings${ok ? '' : ' (FAILED)'}`,
	);
	for (const finding of findings) console.log(`  ${finding}`);
	if (!verdict.passed)
		console.log(`  scanner verdict: ${verdict.message}\n${verdict.details ?? ''}`);
	return ok;
}

const root = resolve('.');
const packDir = mkdtempSync(join(tmpdir(), 'scan-package-'));
try {
	execFileSync('npm', ['pack', '--quiet', '--pack-destination', packDir], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
	const unpacked = join(packDir, 'package');
	execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', packDir]);
	const sourceOk = await scan('source tree', root, SOURCE_FILE_PATTERNS);
	const tarballOk = await scan(`packed tarball ${tarball}`, unpacked, ['**/*.js', 'package.json']);
	if (!sourceOk || !tarballOk) process.exitCode = 1;
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
