/**
 * The n8n editor in a real browser (Debian's Chromium, driven by playwright-core): the three nodes are
 * found in the node panel by search, added to a new workflow, and each parameter panel opens, without
 * a console error. `npm run test:editor`; `npm run screenshots` also refreshes the README's screenshots
 * (docs/screenshots), which no other run touches.
 */
import type { Browser, Page } from 'playwright-core';

import { ExampleEnvironment, SYNC_WORKFLOW_ID } from '../e2e/support/example-environment';
import { N8nInstance } from '../e2e/support/n8n-instance';
import { provisionServices } from '../e2e/support/services';
import { SCREENSHOTS, launchChromium, screenshotPath } from './support/browser';
import { reportFigures } from './support/report';

let environment: ExampleEnvironment;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const blockedRequests: string[] = [];
const isLoopback = (url: URL) =>
	url.hostname === '127.0.0.1' ||
	url.hostname === 'localhost' ||
	url.protocol === 'data:' ||
	url.protocol === 'blob:';

beforeAll(async () => {
	provisionServices(['chromium']);
	environment = await ExampleEnvironment.start({
		n8n: () => new N8nInstance({ port: 11700 + Math.floor(Math.random() * 400) * 2 }),
	});
	browser = await launchChromium();
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const [name, value] = environment.n8n.cookie.split('=');
	await context.addCookies([{ name, value, url: environment.n8n.baseUrl }]);
	// Nothing may leave the machine. The editor looks up community packages on registry.npmjs.org and
	// api.npmjs.org (author, downloads); those requests are stopped here, and the browser's own
	// "Failed to load resource" line for them is counted apart, not as an error of the page.
	await context.route(
		(url) => !isLoopback(url),
		async (route) => {
			blockedRequests.push(route.request().url());
			await route.abort('blockedbyclient');
		},
	);
	page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const source = message.location().url;
		if (
			source &&
			!isLoopback(new URL(source)) &&
			message.text().startsWith('Failed to load resource')
		)
			return;
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

/**
 * Opens the node panel with the `opener` button, searches, picks the node and its action, then checks
 * that the parameter panel shows `fields`, saves a screenshot for the README and closes the panel.
 */
async function addNodeAndOpenPanel(step: {
	opener: string;
	search: string;
	node: string;
	action: string;
	fields: string[];
	screenshot: string;
}) {
	await byTestId(step.opener).click();
	await byTestId('node-creator-search-bar').fill(step.search);
	await pick(step.node);
	await pick(step.action);
	const panel = byTestId('ndv');
	await panel.waitFor({ state: 'visible' });
	for (const field of step.fields) {
		await expect(panel.getByText(field, { exact: true }).first().isVisible()).resolves.toBe(true);
	}
	await page.screenshot({ path: screenshotPath(step.screenshot) });
	await page.keyboard.press('Escape');
	await panel.waitFor({ state: 'hidden' });
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

describe('the nodes in the n8n editor (Chromium)', () => {
	it('finds, adds and opens the Zoho Billing Trigger as the first step', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/new`);
		await addNodeAndOpenPanel({
			opener: 'canvas-plus-button',
			search: 'Zoho Billing',
			node: 'Zoho Billing',
			action: 'On all events',
			fields: ['Events', 'Authentication'],
			screenshot: 'zoho-billing-trigger',
		});
	});

	it('finds and adds the Zoho Billing node with its Get Many action', async () => {
		await addNodeAndOpenPanel({
			opener: 'node-creator-plus-button',
			search: 'Zoho Billing',
			node: 'Zoho Billing',
			action: 'Get many events',
			fields: ['Return All'],
			screenshot: 'zoho-billing-get-many',
		});
	});

	it('finds and adds the MoEngage node with its Zoho Billing preset', async () => {
		await addNodeAndOpenPanel({
			opener: 'node-creator-plus-button',
			search: 'MoEngage',
			node: 'MoEngage',
			action: 'Sync a billing event',
			fields: ['Identify Users By'],
			screenshot: 'moengage-sync',
		});
		await expect(page.locator('[data-test-id="canvas-node"]').count()).resolves.toBe(3);
	});

	it('shows the example workflow on the canvas', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/${SYNC_WORKFLOW_ID}`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Sync to MoEngage"]')
			.waitFor({ state: 'visible' });
		await page.screenshot({ path: screenshotPath('example-workflow') });
	});

	it('logged no console error on the way', () => {
		reportFigures('editor', {
			'console errors': consoleErrors.length,
			'requests to other hosts, blocked': `${blockedRequests.length} (${[...new Set(blockedRequests.map((url) => new URL(url).host))].join(', ')})`,
			'screenshots': `${SCREENSHOTS}/*.png`,
		});
		expect(consoleErrors).toEqual([]);
	});
});
