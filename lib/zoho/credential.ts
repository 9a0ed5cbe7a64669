import { LOOKUP_RESOURCES } from './resources';

/**
 * Least privilege, read only: events need `webhooks.READ`, the credential test `settings.READ`, and
 * each lookup its module's READ scope (lib/zoho/resources.ts). The write scopes are opt-in
 * (ZOHO_WRITE_SCOPES in lib/zoho/actions.ts). Zoho grants scopes when the user connects, so a
 * credential connected before a scope was added here must be reconnected; the nodes say so, naming
 * the scope, when Zoho refuses a call.
 */
export const ZOHO_BILLING_DEFAULT_SCOPES: readonly string[] = [
	'ZohoSubscriptions.webhooks.READ',
	'ZohoSubscriptions.settings.READ',
	...Object.values(LOOKUP_RESOURCES).map((spec) => spec.scope),
];

/** What the credential test says when Zoho does not give this connection the credential's organization. */
export const ORGANIZATION_NOT_FOUND =
	'Zoho Billing has no organization with this Organization ID for the connected account: copy it from Zoho Billing > Settings > Organization Profile (the Scope must also include ZohoSubscriptions.settings.READ)';
