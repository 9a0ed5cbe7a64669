// @ts-check
/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, with the flags this
 * closed network needs (no background networking, component updates or sync, which would otherwise
 * try to reach Google), and a fresh profile each time. Test-only CommonJS (paths and processes).
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const os = require('os');

const REPO = path.resolve(__dirname, '../..');
/**
 * The README's screenshots are tracked files: only `npm run screenshots` (UPDATE_SCREENSHOTS=1)
 * rewrites them. Every other run saves its screenshots in a temporary folder, for a look after a failure.
 */
const SCREENSHOTS =
	process.env.UPDATE_SCREENSHOTS === '1'
		? path.join(REPO, 'docs/screenshots')
		: path.join(os.tmpdir(), `editor-screenshots-${process.pid}`);

async function launchChromium() {
	return await chromium.launch({
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Where a screenshot is saved (see SCREENSHOTS). @param {string} name file name without extension */
function screenshotPath(name) {
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	return path.join(SCREENSHOTS, `${name}.png`);
}

module.exports = { launchChromium, screenshotPath, SCREENSHOTS };
