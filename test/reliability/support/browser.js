// @ts-check
/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, with the flags this
 * closed network needs (no background networking, component updates or sync, which would otherwise
 * try to reach Google), and a fresh profile each time. Test-only CommonJS (paths and processes).
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(REPO, 'docs/screenshots');

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

/** Where a README screenshot is saved. @param {string} name file name without extension */
function screenshotPath(name) {
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	return path.join(SCREENSHOTS, `${name}.png`);
}

module.exports = { launchChromium, screenshotPath };
