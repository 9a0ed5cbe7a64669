/**
 * The n8n editor in a real browser (Debian's Chromium, driven by playwright-core). A new user's first
 * steps, walked with the README's own words: the Zoho Billing Trigger's steps (webhook URLs, the
 * credential dialog, Execute step and a signed test event, Publish, then production and forged
 * deliveries), the MoEngage preset and its links, the Zoho Billing node, all without a console error. `npm run test:reliability -- editor`; `npm run screenshots` also refreshes the README's screenshots
 * (docs/screenshots), which no other run touches.
 */
import type { Browser, Page } from 'playwright-core';

import { ZohoBillingWebhookApi } from '../../packages/zoho-billing/credentials/ZohoBillingWebhookApi.credentials';
import { packageDoc, readmeSection } from '../../lib/docs-links';
import { ExampleEnvironment, SYNC_WORKFLOW_ID } from '../support/example-environment';
import { WEBHOOK_SECRET, signZohoWebhook } from '../support/zoho-webhook-signer';
import { README_WORDS } from '../support/readme-trigger-steps';
import { N8nInstance } from '../support/n8n-instance';
import { provisionServices } from '../support/services';
import { SCREENSHOTS, launchChromium, screenshotPath } from '../support/browser';
import { reportFigures } from '../support/report';

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
		n8n: () => N8nInstance.create(),
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

const ndv = () => byTestId('ndv');
/** Whether the text shows, whole or (exact false) as the start of an element's text, e.g. a label with its "*". */
const visible = async (text: string, within = page.locator('body'), exact = true) =>
	await within
		.getByText(exact ? text : new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
		.first()
		.waitFor({ state: 'visible', timeout: 15_000 })
		.then(() => true)
		.catch(() => false);

/** A signed Zoho Billing event for the walk's customer. */
const walkEvent = (eventId: string, email: string) =>
	JSON.stringify({
		event_id: eventId,
		event_type: 'invoice_created',
		event_time: '2026-11-30T10:00:00-0800',
		data: { invoice: { invoice_number: `INV-${eventId}`, customer_id: eventId, email } },
	});
const postSigned = async (url: string, body: string, signature = signZohoWebhook(body)) =>
	await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-zoho-webhook-signature': signature },
		body,
	});

describe("the README's Zoho Billing Trigger steps, walked in the n8n editor (Chromium)", () => {
	let testUrl = '';
	let productionUrl = '';

	it('step 1: the trigger, found by search, shows its Webhook URLs: a Test URL and a Production URL', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/new`);
		await byTestId('canvas-plus-button').click();
		await byTestId('node-creator-search-bar').fill(README_WORDS.search);
		await pick('Zoho Billing');
		await pick(README_WORDS.triggerAction);
		await ndv().waitFor({ state: 'visible' });
		await ndv().getByText(README_WORDS.webhookUrls, { exact: true }).first().click();
		for (const word of [README_WORDS.testUrl, README_WORDS.productionUrl])
			await expect(visible(word, ndv())).resolves.toBe(true);
		const shownUrl = async () =>
			(
				await ndv()
					.getByText(/^https?:\/\/\S+\/webhook(-test)?\/\S+$/)
					.first()
					.innerText()
			).trim();
		testUrl = await shownUrl();
		await ndv().getByText(README_WORDS.productionUrl, { exact: true }).first().click();
		productionUrl = await environment.until('the Production URL to show', async () => {
			const url = await shownUrl();
			return url === testUrl ? undefined : url;
		});
		await ndv().getByText(README_WORDS.testUrl, { exact: true }).first().click();
		// Both built from N8N_WEBHOOK_URL, the setting the README explains for a public address.
		const webhookBase = `${environment.n8n.baseUrl}/`;
		expect(testUrl).toMatch(new RegExp(`^${webhookBase}webhook-test/[0-9a-f-]+/webhook$`));
		expect(productionUrl).toBe(testUrl.replace('/webhook-test/', '/webhook/'));
		// The notice under them links to this section of the README.
		await expect(
			ndv().getByRole('link', { name: "the package's guide" }).getAttribute('href'),
		).resolves.toBe(readmeSection('zoho-billing-trigger'));
	});

	it('step 3: Create new credential opens a dialog showing the Secret Token rules; Save keeps it', async () => {
		await expect(visible(README_WORDS.credentialField, ndv())).resolves.toBe(true);
		await byTestId('node-credentials-select').first().click();
		await page.getByText(README_WORDS.createCredential, { exact: true }).first().click();
		const dialog = byTestId('editCredential-modal');
		await dialog.waitFor({ state: 'visible' });
		await expect(visible(README_WORDS.secretToken, dialog, false)).resolves.toBe(true);
		const credential = new ZohoBillingWebhookApi();
		const hint = credential.properties.find(({ name }) => name === 'secretToken')?.hint ?? '';
		expect(hint).toContain('12 to 50 letters and digits');
		await expect(visible(hint, dialog)).resolves.toBe(true);
		await expect(
			dialog.getByRole('link', { name: 'docs', exact: true }).getAttribute('href'),
		).resolves.toBe(credential.documentationUrl);
		await dialog.locator('[data-test-id="parameter-input-secretToken"] input').fill(WEBHOOK_SECRET);
		await dialog.getByRole('button', { name: README_WORDS.save, exact: true }).click();
		await dialog.waitFor({ state: 'hidden' });
	});

	it('step 4: Execute step shows Listening for test event, and a signed event to the Test URL becomes the output', async () => {
		await ndv().getByRole('button', { name: README_WORDS.executeStep }).first().click();
		await expect(visible(README_WORDS.listening, ndv())).resolves.toBe(true);
		const answer = await postSigned(testUrl, walkEvent('9001', 'walk.test@example.com'));
		expect(answer.status).toBe(200);
		await expect(visible('1 item', ndv())).resolves.toBe(true);
		await expect(visible('invoice_created', ndv())).resolves.toBe(true);
		await page.screenshot({ path: screenshotPath('zoho-billing-trigger') });
		await page.keyboard.press('Escape');
		await ndv().waitFor({ state: 'hidden' });
	});

	it('the MoEngage preset follows, with its Docs link and the notice linking the attribute list', async () => {
		await byTestId('node-creator-plus-button').click();
		await byTestId('node-creator-search-bar').fill('MoEngage');
		await pick('MoEngage');
		await pick('Sync a billing event');
		await ndv().waitFor({ state: 'visible' });
		await expect(visible('Identify Users By', ndv())).resolves.toBe(true);
		await expect(
			ndv().getByRole('link', { name: 'MoEngage attributes' }).getAttribute('href'),
		).resolves.toBe(packageDoc('docs/moengage-attributes.md'));
		await expect(
			ndv().getByRole('link', { name: /^Docs/ }).first().getAttribute('href'),
		).resolves.toBe(readmeSection('moengage-node'));
		await page.screenshot({ path: screenshotPath('moengage-sync') });
		await page.keyboard.press('Escape');
		await ndv().waitFor({ state: 'hidden' });
		// The canvas names the node and its subtitle by the action the panel listed.
		const node = page.locator(
			'[data-test-id="canvas-node"][data-node-name="Sync a billing event"]',
		);
		await expect(visible('Sync a billing event', node)).resolves.toBe(true);
	});

	it('step 4, last part: Publish, then Publish in the dialog; Zoho-signed events then sync and forged ones get 401', async () => {
		await page.getByRole('button', { name: README_WORDS.publish, exact: true }).first().click();
		const dialog = byTestId('workflowPublish-modal');
		await dialog.waitFor({ state: 'visible' });
		await dialog.getByRole('button', { name: README_WORDS.publish, exact: true }).click();
		await dialog.waitFor({ state: 'hidden' });
		await expect(visible(README_WORDS.published)).resolves.toBe(true);
		await page.getByRole('button', { name: README_WORDS.gotIt, exact: true }).click();
		await environment.n8n.waitForWebhooks([productionUrl.split('/webhook/')[1]]);

		const forged = await postSigned(
			productionUrl,
			walkEvent('9003', 'walk.forged@example.com'),
			signZohoWebhook('another body'),
		);
		expect(forged.status).toBe(401);
		const answer = await postSigned(productionUrl, walkEvent('9002', 'walk.live@example.com'));
		expect(answer.status).toBe(200);
		await environment.until(
			'the published event at MoEngage',
			() =>
				JSON.stringify(environment.moEngage.users).includes('walk.live@example.com') || undefined,
			30_000,
		);
		expect(JSON.stringify(environment.moEngage.users)).not.toContain('walk.forged@example.com');
	});
});

describe('the other nodes in the n8n editor (Chromium)', () => {
	it('finds and adds the Zoho Billing node with its Get Many action', async () => {
		await addNodeAndOpenPanel({
			opener: 'node-creator-plus-button',
			search: 'Zoho Billing',
			node: 'Zoho Billing',
			action: 'Get many events',
			fields: ['Return All'],
			screenshot: 'zoho-billing-get-many',
		});
		await expect(page.locator('[data-test-id="canvas-node"]').count()).resolves.toBe(3);
	});

	it('shows the example workflow on the canvas', async () => {
		await page.goto(`${environment.n8n.baseUrl}/workflow/${SYNC_WORKFLOW_ID}`);
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Sync a billing event"]')
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
