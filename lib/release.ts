/**
 * The release the three packages built from this repository share, and the check that keeps two
 * installed packages from silently mixing their credentials.
 *
 * n8n-nodes-zoho-billing-moengage (every node), n8n-nodes-zoho-billing and n8n-nodes-moengage define
 * the same credential types. Measured on n8n 2.40.7 with the combined and a service package
 * installed: both load without a word in the log, the editor's credential list holds each type twice,
 * and at run time n8n keeps one definition per type name, the package it loaded last
 * (LoadNodesAndCredentials.postProcessLoaders), for the nodes of both packages. At the same release
 * the definitions are identical; at different releases one package's nodes would run with the other's
 * definition. So every credential carries a hidden field named after its release, and the nodes
 * refuse a credential without the field of their own release: n8n fills each field of the definition
 * it uses with its default and drops fields that definition lacks (CredentialsHelper
 * .applyDefaultsAndOverwrites), so the field is there exactly when the definitions match, whatever an
 * older credential stored.
 */

/** The version of all three package.json files (scripts/packages.mjs version sets them together). */
export const RELEASE = '0.1.0';

/** The packages that define these credentials, for the message. */
export const PACKAGE_NAMES = {
	combined: 'n8n-nodes-zoho-billing-moengage',
	zohoBilling: 'n8n-nodes-zoho-billing',
	moEngage: 'n8n-nodes-moengage',
} as const;

/** The hidden field each credential of this release carries (`definedForRelease_0_1_0`). */
export const RELEASE_FIELD = `definedForRelease_${RELEASE.replace(/[^0-9A-Za-z]/g, '_')}`;

/** The field as a credential's property: hidden, so no user ever sees or sets it. */
export const releaseFieldProperty = {
	displayName: 'Release',
	name: RELEASE_FIELD,
	type: 'hidden',
	default: true,
} as const;

/**
 * Why credentials n8n handed a node are not this release's definition, or undefined when they are.
 * `credentialName` is the credential's display name.
 */
export function otherReleaseProblem(
	credentials: Record<string, unknown>,
	credentialName: string,
): string | undefined {
	if (credentials[RELEASE_FIELD] === true) return undefined;
	return (
		`n8n runs this node (release ${RELEASE}) with the ${credentialName} credential of another installed ` +
		'package, of a different release: two installed packages define this credential and n8n keeps one ' +
		`definition per credential type. Keep either ${PACKAGE_NAMES.combined} or the two service packages ` +
		`(${PACKAGE_NAMES.zohoBilling}, ${PACKAGE_NAMES.moEngage}), or update them all to the same version`
	);
}
