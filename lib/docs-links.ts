/**
 * Where the package's own documentation lives, for the documentation links n8n shows on nodes and
 * credentials and for notices that send the user elsewhere. package.json's `repository` is the same
 * place (a test checks both, and that every linked README section exists).
 */
export const PACKAGE_REPOSITORY =
	'https://github.com/n8n-nodes-zoho-billing-moengage/n8n-nodes-zoho-billing-moengage';

/** A section of the README, by GitHub's anchor for its heading, e.g. `zoho-billing-trigger`. */
export function readmeSection(anchor: string): string {
	return `${PACKAGE_REPOSITORY}#${anchor}`;
}

/** A page under docs/, e.g. `docs/moengage-attributes.md`. */
export function packageDoc(path: string): string {
	return `${PACKAGE_REPOSITORY}/blob/main/${path}`;
}
