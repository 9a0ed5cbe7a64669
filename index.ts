/**
 * The package's node and credential classes, for code that loads or tests them directly (n8n itself
 * finds them through the `n8n` section of package.json).
 */
export { MoEngageApi } from './credentials/MoEngageApi.credentials';
export { ZohoBillingOAuth2Api } from './credentials/ZohoBillingOAuth2Api.credentials';
export { ZohoBillingWebhookApi } from './credentials/ZohoBillingWebhookApi.credentials';
export { MoEngage } from './nodes/MoEngage/MoEngage.node';
export { ZohoBilling } from './nodes/ZohoBilling/ZohoBilling.node';
export { ZohoBillingPollingTrigger } from './nodes/ZohoBillingPollingTrigger/ZohoBillingPollingTrigger.node';
export { ZohoBillingTrigger } from './nodes/ZohoBillingTrigger/ZohoBillingTrigger.node';
