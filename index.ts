/**
 * The package's node and credential classes, for code that loads or tests them directly (n8n itself
 * finds them through the `n8n` section of package.json).
 */
export { MoEngageApi } from './packages/moengage/credentials/MoEngageApi.credentials';
export { ZohoBillingOAuth2Api } from './packages/zoho-billing/credentials/ZohoBillingOAuth2Api.credentials';
export { ZohoBillingWebhookApi } from './packages/zoho-billing/credentials/ZohoBillingWebhookApi.credentials';
export { MoEngage } from './packages/moengage/nodes/MoEngage/MoEngage.node';
export { ZohoBilling } from './packages/zoho-billing/nodes/ZohoBilling/ZohoBilling.node';
export { ZohoBillingPollingTrigger } from './packages/zoho-billing/nodes/ZohoBillingPollingTrigger/ZohoBillingPollingTrigger.node';
export { ZohoBillingTrigger } from './packages/zoho-billing/nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
