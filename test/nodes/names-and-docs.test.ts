/**
 * What a new user reads: one name per operation wherever n8n shows it, documentation links that open
 * the package's own docs at a section that exists, and the rules the credential dialog must show.
 */
import {
	type ICredentialType,
	type INodeProperties,
	type INodeTypeDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { MoEngageApi } from '../../packages/moengage/credentials/MoEngageApi.credentials';
import { ZohoBillingOAuth2Api } from '../../packages/zoho-billing/credentials/ZohoBillingOAuth2Api.credentials';
import { ZohoBillingWebhookApi } from '../../packages/zoho-billing/credentials/ZohoBillingWebhookApi.credentials';
import { PACKAGE_REPOSITORY } from '../../lib/docs-links';
import { MoEngage } from '../../packages/moengage/nodes/MoEngage/MoEngage.node';
import { ZohoBilling } from '../../packages/zoho-billing/nodes/ZohoBilling/ZohoBilling.node';
import { ZohoBillingPollingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingPollingTrigger/ZohoBillingPollingTrigger.node';
import { ZohoBillingTrigger } from '../../packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
import {
	citedPaths,
	codexPath,
	codexPaths,
	markdownDocs,
	readRepoFile,
	repoFileExists,
} from '../support/package-files';
import { evaluateExpression } from '../support/expression';
import { README_WORDS, readmeTriggerSteps } from '../support/readme-trigger-steps';

const latest = (node: IVersionedNodeType) => node.nodeVersions[node.currentVersion].description;
const nodes: Record<string, INodeTypeDescription> = {
	'Zoho Billing Trigger': new ZohoBillingTrigger().description,
	'Zoho Billing Polling Trigger': new ZohoBillingPollingTrigger().description,
	'Zoho Billing': latest(new ZohoBilling()),
	'MoEngage': latest(new MoEngage()),
};
const credentials: ICredentialType[] = [
	new ZohoBillingOAuth2Api(),
	new ZohoBillingWebhookApi(),
	new MoEngageApi(),
];

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	for (const line of markdown.split('\n')) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (heading) anchors.add(headingAnchor(heading[1].replace(/[*`]/g, '')));
	}
	return anchors;
}

/** Where a link into the package's repository leads: a file and maybe a heading in it. */
function repositoryTarget(url: string): { file: string; anchor?: string } {
	const [path, anchor] = url.slice(PACKAGE_REPOSITORY.length).split('#');
	const file = path === '' ? 'README.md' : path.replace(/^\/(blob|tree)\/main\//, '');
	return { file, anchor };
}

function expectSectionExists(source: string, file: string, anchor: string | undefined) {
	const markdown = readRepoFile(file);
	expect({ source, file, exists: markdown !== undefined }).toEqual({ source, file, exists: true });
	if (anchor === undefined || markdown === undefined) return;
	expect({ source, anchor, found: anchorsOf(markdown).has(anchor) }).toEqual({
		source,
		anchor,
		found: true,
	});
}

describe('operation names', () => {
	const versioned = { 'Zoho Billing': nodes['Zoho Billing'], 'MoEngage': nodes.MoEngage };

	it.each(Object.entries(versioned))(
		'%s: the canvas subtitle of every operation is the action the node panel lists it under',
		(_name, description) => {
			const operations = description.properties.filter((property) => property.name === 'operation');
			expect(operations.length).toBeGreaterThan(0);
			for (const operation of operations) {
				for (const resource of operation.displayOptions?.show?.resource as string[]) {
					for (const option of operation.options as Array<{ value: string; action: string }>) {
						const subtitle = evaluateExpression(description.subtitle, {
							$parameter: { resource, operation: option.value },
						});
						expect([resource, option.value, subtitle]).toEqual([
							resource,
							option.value,
							option.action,
						]);
					}
				}
			}
		},
	);

	it('the README and the example workflows call each MoEngage and Zoho Billing operation by its action', () => {
		const readme = readRepoFile('README.md') ?? '';
		for (const description of Object.values(versioned)) {
			for (const operation of description.properties.filter(({ name }) => name === 'operation')) {
				for (const { action } of operation.options as Array<{ action: string }>) {
					if (/^Get (a|an) /.test(action) || /^Get many /.test(action)) continue; // the lookup table
					expect([action, readme.includes(`**${action}**`)]).toEqual([action, true]);
				}
			}
		}
		// The names the README used to mix with the action.
		for (const stale of ['Zoho Billing Event > Sync', 'Sync to MoEngage', 'Listen for test event'])
			expect([stale, readme.includes(stale)]).toEqual([stale, false]);
	});

	it("the README's trigger steps use the words the editor walk looks for and clicks", () => {
		for (const word of Object.values(README_WORDS))
			expect([word, readmeTriggerSteps.includes(`*${word}*`)]).toEqual([word, true]);
	});
});

describe('documentation links', () => {
	it("package.json's repository is where the nodes' links point", () => {
		const pkg = JSON.parse(readRepoFile('package.json') ?? '{}') as {
			repository: { url: string };
			homepage: string;
		};
		expect(pkg.repository.url).toBe(`${PACKAGE_REPOSITORY}.git`);
		expect(pkg.homepage).toBe(`${PACKAGE_REPOSITORY}#readme`);
	});

	it("each credential's documentation link opens its own section of the package's README", () => {
		for (const credential of credentials) {
			const url = String(credential.documentationUrl);
			expect(url.startsWith(`${PACKAGE_REPOSITORY}#`)).toBe(true);
			expect(repositoryTarget(url).anchor).toBe(headingAnchor(credential.displayName));
			expectSectionExists(credential.name, 'README.md', repositoryTarget(url).anchor);
		}
	});

	it("each node's codex sends its Docs and credential links to the package's README sections", () => {
		const paths = codexPaths();
		expect(paths).toHaveLength(Object.keys(nodes).length);
		for (const path of paths) {
			const codex = JSON.parse(readRepoFile(path) ?? '{}') as {
				resources: Record<string, Array<{ url: string }>>;
			};
			const links = Object.values(codex.resources).flat();
			expect(links.length).toBeGreaterThanOrEqual(2);
			for (const { url } of links) {
				expect([path, url.startsWith(PACKAGE_REPOSITORY)]).toEqual([path, true]);
				const { file, anchor } = repositoryTarget(url);
				expectSectionExists(path, file, anchor);
			}
		}
		const trigger = JSON.parse(readRepoFile(codexPath('ZohoBillingTrigger')) ?? '{}') as {
			resources: { primaryDocumentation: Array<{ url: string }> };
		};
		expect(repositoryTarget(trigger.resources.primaryDocumentation[0].url).anchor).toBe(
			'zoho-billing-trigger',
		);
	});

	it("each node's Docs link opens its README section directly, as the codex says", () => {
		// n8n's panel uses the description's documentationUrl as it is; a codex link gets n8n's utm query
		// appended after the #section, which GitHub does not scroll to.
		const codexOf: Record<string, string> = {
			'Zoho Billing Trigger': codexPath('ZohoBillingTrigger'),
			'Zoho Billing Polling Trigger': codexPath('ZohoBillingPollingTrigger'),
			'Zoho Billing': codexPath('ZohoBilling'),
			'MoEngage': codexPath('MoEngage'),
		};
		for (const [name, description] of Object.entries(nodes)) {
			const codex = JSON.parse(readRepoFile(codexOf[name]) ?? '{}') as {
				resources: { primaryDocumentation: Array<{ url: string }> };
			};
			expect([name, description.documentationUrl]).toEqual([
				name,
				codex.resources.primaryDocumentation[0].url,
			]);
			expect([name, description.documentationUrl?.startsWith(`${PACKAGE_REPOSITORY}#`)]).toEqual([
				name,
				true,
			]);
		}
	});

	it('every link a node shows into the package leads to a file and section that exist', () => {
		const links = Object.entries(nodes).flatMap(([name, description]) =>
			[...JSON.stringify(description).matchAll(/https:\/\/github\.com\/[^"\\ ]+/g)].map(
				([url]) => ({ name, url }),
			),
		);
		// The MoEngage notice (attribute list) and the trigger notice (setup guide) at least.
		expect(links.map(({ name }) => name)).toEqual(
			expect.arrayContaining(['MoEngage', 'Zoho Billing Trigger']),
		);
		for (const { name, url } of links) {
			expect([name, url.startsWith(PACKAGE_REPOSITORY)]).toEqual([name, true]);
			const { file, anchor } = repositoryTarget(url);
			expectSectionExists(name, file, anchor);
		}
	});

	it.each(markdownDocs())(
		'%s: every link into the repository leads to a file and heading that exist',
		(doc) => {
			const markdown = readRepoFile(doc) ?? '';
			const folder = doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/') + 1) : '';
			for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
				// The service packages' READMEs link here absolutely (npm shows them apart from the repository).
				if (target.startsWith(PACKAGE_REPOSITORY)) {
					const { file, anchor } = repositoryTarget(target);
					expect([target, repoFileExists(file)]).toEqual([target, true]);
					if (anchor !== undefined) expectSectionExists(doc, file, anchor);
					continue;
				}
				if (/^[a-z]+:/.test(target)) continue; // absolute elsewhere: https, mailto
				const [path, anchor] = target.split('#');
				const file = path === '' ? doc : normalize(folder + path);
				expect([target, repoFileExists(file)]).toEqual([target, true]);
				if (anchor !== undefined && file.endsWith('.md')) expectSectionExists(doc, file, anchor);
			}
		},
	);
});

/**
 * Files of other repositories that comments and docs cite as evidence, each by its path there: the
 * one kind of cited path that is not in this repository.
 */
const CITED_ELSEWHERE = new Set([
	// PipedreamHQ/pipedream: a captured Zoho Billing event.
	'components/zoho_subscriptions/sources/subscription-created/test-event.mjs',
	// n8n-io/n8n: its Zoho CRM node, credential tester and OAuth2 request path.
	'packages/nodes-base/nodes/Zoho/GenericFunctions.ts',
	'packages/cli/src/services/credentials-tester.service.ts',
	'request-helpers/oauth.js',
	// The n8n-nodes-base package as installed with n8n.
	'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
]);

describe('cited files', () => {
	it('every file path a comment, script or doc cites exists here, or is a known file elsewhere', () => {
		const cited = citedPaths();
		expect(cited.length).toBeGreaterThan(100);
		expect(cited.filter(({ cited: path, found }) => !found && !CITED_ELSEWHERE.has(path))).toEqual(
			[],
		);
	});
});

describe('what the credential dialog shows', () => {
	const field = (credential: ICredentialType, name: string) =>
		credential.properties.find((property) => property.name === name) as INodeProperties;

	it("shows the Secret Token's rules under the field, not only in the tooltip", () => {
		// n8n renders `hint` under the input; `description` only as a tooltip in the credential dialog.
		expect(field(new ZohoBillingWebhookApi(), 'secretToken').hint).toContain(
			'12 to 50 letters and digits',
		);
	});
});

/** `docs/../README.md` to `README.md`. */
function normalize(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.') parts.push(part);
	}
	return parts.join('/');
}
