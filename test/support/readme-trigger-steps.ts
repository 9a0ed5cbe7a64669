/**
 * The README's steps for the Zoho Billing Trigger and the words in them that the editor walk
 * (test/reliability/editor.reliability.test.ts) looks for or clicks. A unit test
 * (test/nodes/names-and-docs.test.ts) checks the README still uses each, so a README edit that
 * drops one fails in seconds, not in the reliability suite.
 */
import { readRepoFile } from './package-files';

/** The README's steps for the Zoho Billing Trigger: the numbered list of its section. */
export const readmeTriggerSteps = (() => {
	const readme = readRepoFile('README.md') ?? '';
	const section = readme.slice(readme.indexOf('## Zoho Billing Trigger'));
	const steps = section.slice(
		section.indexOf('\n1. '),
		section.indexOf('\n\n', section.indexOf('\n4. ')),
	);
	return steps.replace(/\s+/g, ' ');
})();

/** What the README's steps tell the user to look for or click; the test finds each in the editor. */
export const README_WORDS = {
	search: 'Zoho Billing',
	triggerAction: 'On all events',
	webhookUrls: 'Webhook URLs',
	testUrl: 'Test URL',
	productionUrl: 'Production URL',
	credentialField: 'Credential for Zoho Billing Webhook API',
	createCredential: 'Create new credential',
	secretToken: 'Secret Token',
	save: 'Save',
	executeStep: 'Execute step',
	listening: 'Listening for test event',
	publish: 'Publish',
	published: 'Workflow published',
	gotIt: 'Got it',
};
