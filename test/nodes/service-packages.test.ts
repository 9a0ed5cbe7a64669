/**
 * The three packages built from this source (scripts/packages.mjs; docs/verification.md): each
 * service package's sources load nothing of the other service, all three share the release the
 * nodes compile in, and every credential carries the field that keeps two installed packages of
 * different releases from mixing their credentials (lib/release.ts). The tarballs themselves are
 * checked by `npm run check:package`, after the build.
 */
import { MoEngageApi } from '../../packages/moengage/credentials/MoEngageApi.credentials';
import { ZohoBillingOAuth2Api } from '../../packages/zoho-billing/credentials/ZohoBillingOAuth2Api.credentials';
import { ZohoBillingWebhookApi } from '../../packages/zoho-billing/credentials/ZohoBillingWebhookApi.credentials';
import { RELEASE, RELEASE_FIELD, otherReleaseProblem } from '../../lib/release';
import { importClosure, packageCatalogue, sourcesUnder } from '../support/source-imports';

const packages = packageCatalogue();
const services = packages.filter((pkg) => pkg.service !== undefined);

describe('one service per package', () => {
	it('lists the two service packages and the combined one', () => {
		expect(packages.map((pkg) => [pkg.manifest.name, pkg.dir])).toEqual([
			['n8n-nodes-zoho-billing-moengage', '.'],
			['n8n-nodes-zoho-billing', 'packages/zoho-billing'],
			['n8n-nodes-moengage', 'packages/moengage'],
		]);
	});

	it.each(services.map((pkg) => [pkg.manifest.name, pkg] as const))(
		"%s: its nodes and credentials load nothing of the other service's folders",
		(_name, pkg) => {
			const loaded = importClosure([
				...sourcesUnder(`${pkg.dir}/nodes`),
				...sourcesUnder(`${pkg.dir}/credentials`),
			]);
			expect(loaded.length).toBeGreaterThan(20);
			const others = services.filter((other) => other !== pkg).flatMap((other) => other.owns);
			expect(loaded.filter((file) => others.some((folder) => file.startsWith(folder)))).toEqual([]);
			// And what it loads of its own: every file is in its folder, its client or the shared floors.
			expect(
				loaded.filter(
					(file) =>
						!pkg.owns.some((folder) => file.startsWith(folder)) &&
						!/^(lib|nodes\/shared)\//.test(file),
				),
			).toEqual([]);
		},
	);
});

describe('one release', () => {
	it('every package.json has the version the nodes compile in (lib/release.ts)', () => {
		expect(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version])).toEqual(
			packages.map((pkg) => [pkg.manifest.name, RELEASE]),
		);
	});

	it.each([new ZohoBillingOAuth2Api(), new ZohoBillingWebhookApi(), new MoEngageApi()])(
		'$displayName carries a hidden field named after the release, true by default',
		(credential) => {
			expect(credential.properties.filter((property) => property.name === RELEASE_FIELD)).toEqual([
				{ displayName: 'Release', name: RELEASE_FIELD, type: 'hidden', default: true },
			]);
		},
	);

	it('a credential without the field of this release is refused, naming the packages and the fix', () => {
		expect(
			otherReleaseProblem({ [RELEASE_FIELD]: true, apiKey: 'x' }, 'MoEngage API'),
		).toBeUndefined();
		// n8n drops the fields of a definition it does not use, and fills in those of the one it does.
		expect(otherReleaseProblem({ definedForRelease_0_0_9: true }, 'MoEngage API')).toBe(
			`n8n runs this node (release ${RELEASE}) with the MoEngage API credential of another installed package, of a different release: two installed packages define this credential and n8n keeps one definition per credential type. Keep either n8n-nodes-zoho-billing-moengage or the two service packages (n8n-nodes-zoho-billing, n8n-nodes-moengage), or update them all to the same version`,
		);
	});
});
