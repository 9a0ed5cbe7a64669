/**
 * The n8n editor in a real browser (Debian's Chromium, driven by playwright-core): the three nodes are
 * found in the node panel by search, added to a new workflow, and each parameter panel opens, without
 * a console error. Saves the screenshots the README shows (docs/screenshots). `npm run test:editor`.
 */
import type { Browser, Page } from 'playwright-core';

import { ExampleEnvironment, SYNC_WORKFLOW_ID } from '../e2e/support/example-environment';
import { N8nInstance } from '../e2e/support/n8n-instance';
import { provisionServices } from '../e2e/support/services';
import { launchChromium, screenshotPath } from './support/browser';
import { reportFigures } from './support/report';

let environment: ExampleEnvironment;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const blockedRequests: string[] = [];
const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:';

beforeAll(async () => {
	provisionServices(['chromium']);
	environment = await ExampleEnvironment.start({ n8n: () => new N8nInstance({ port: 11700 + Math.floor(Math.random() * 400) * 2 }) });
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const [name, value] = environment.n8n.cookie.split('=');
	await context.addCookies([{ name, value, url: environment.n8n.baseUrl }]);
	// Nothing may leave the machine. The editor looks up community packages on registry.npmjs.org and
	// api.npmjs.org (author, downloads); those requests are stopped here, and the browser's own
	// "Failed to load resource" line for them is counted apart, not as an error of the page.
	await context.route((url) => !isLoopback(url), async (route) => {
		blockedRequests.push(route.request().url());
		await route.abort('blockedbyclient');
	});
	page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const source = message.location().url;
		if (source && !isLoopback(new URL(source)) && message.text().startsWith('Failed to load resource')) return;
		consoleErrors.push(`${message.text()} (${source})`);
	});
	page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await environment?.stop();
	environment?.n8n.cleanUp();
});

const byTestId = (id: string) => page.locator(`[data-test-id="${id}"]`);

/** Types into the node panel's search and picks the node, then the action when the node has several. */
async function addFromNodePanel(search: string, nodeName: string, action?: string) {
	await byTestId('node-creator-search-bar').fill(search);
	await pick(nodeName);
	if (action) await pick(action);
	await byTestId('ndv').waitFor({ state: 'visible' });
}

/** Clicks the node panel entry with exactly this name, or fails listing what the panel shows. */
async function pick(name: string) {
	const entry = byTestId('node-creator-item-name').getByText(name, { exact: true });
	const shown = await entry
		.first()
		.waitFor({ state: 'visible', timeout: 10_000 })
		.then(() => true)
		.catch(() => false);
	if (!shown) {
		const listed = await byTestId('node-creator-item-name').allInnerTexts();
		expect(`"${name}" in the node panel`).toBe(`one of ${JSON.stringify(listed)}`);
	}
	await entry.first().click();
}

async function closeParameterPanel() {
	await page.keyboard.press('Escape');
	await byTestId('ndv').waitFor({ state: 'hidden' });
}

describe('the nodes in the n8n editor (Chromium)', () => {
	it('finds, adds and opens the Zoho Billing Trigger as the first step', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/new`);
		await byTestId('canvas-plus-button').click();
		await addFromNodePanel('Zoho Billing', 'Zoho Billing', 'On all events');
		const panel = byTestId('ndv');
		await expect(panel.getByText('Events', { exact: true }).first().isVisible()).resolves.toBe(true);
		await expect(panel.getByText('Authentication', { exact: true }).first().isVisible()).resolves.toBe(true);
		await page.screenshot({ path: screenshotPath('zoho-billing-trigger') });
		await closeParameterPanel();
	});

	it('finds and adds the Zoho Billing node with its Get Many action', async () => {
		await byTestId('node-creator-plus-button').click();
		await addFromNodePanel('Zoho Billing', 'Zoho Billing', 'Get many events');
		const panel = byTestId('ndv');
		await expect(panel.getByText('Return All', { exact: true }).first().isVisible()).resolves.toBe(true);
		await page.screenshot({ path: screenshotPath('zoho-billing-get-many') });
		await closeParameterPanel();
	});

	it('finds and adds the MoEngage node with its Zoho Billing preset', async () => {
		await byTestId('node-creator-plus-button').click();
		await addFromNodePanel('MoEngage', 'MoEngage', 'Sync a billing event');
		const panel = byTestId('ndv');
		await expect(panel.getByText('Identify Users By', { exact: true }).first().isVisible()).resolves.toBe(true);
		await page.screenshot({ path: screenshotPath('moengage-sync') });
		await closeParameterPanel();
		await expect(page.locator('[data-test-id="canvas-node"]').count()).resolves.toBe(3);
	});

	it('shows the example workflow on the canvas', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/${SYNC_WORKFLOW_ID}`);
		await page.locator('[data-test-id="canvas-node"][data-node-name="Sync to MoEngage"]').waitFor({ state: 'visible' });
		await page.screenshot({ path: screenshotPath('example-workflow') });
	});

	it('logged no console error on the way', () => {
		reportFigures('editor', {
			'console errors': consoleErrors.length,
			'requests to other hosts, blocked': `${blockedRequests.length} (${[...new Set(blockedRequests.map((url) => new URL(url).host))].join(', ')})`,
			screenshots: 'docs/screenshots/*.png',
		});
		expect(consoleErrors).toEqual([]);
	});
});
