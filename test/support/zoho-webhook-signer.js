// @ts-check
/**
 * Signs a body the way Zoho Billing signs a webhook delivery: HMAC-SHA256 of the raw body with the
 * webhook's secret, hex, in `X-Zoho-Webhook-Signature` (docs/zoho-billing-api.md, "Webhook
 * signature"). The one signer every test, stand-in and benchmark uses; the code under test verifies
 * with lib/zoho/webhook-signature.ts, whose own tests use openssl-derived vectors instead of this.
 * CommonJS so the stand-ins can use it too.
 */
const { createHmac } = require('crypto');

/** The webhook secret the tests configure in Zoho (stand-in) and in the n8n credential alike. */
const WEBHOOK_SECRET = 'exampleZohoSecret2026';

/**
 * @param {string | Buffer} body the exact bytes sent
 * @param {string} [secret]
 * @param {'hex' | 'base64'} [encoding] Zoho sends hex; base64 is accepted too
 */
function signZohoWebhook(body, secret = WEBHOOK_SECRET, encoding = 'hex') {
	return createHmac('sha256', secret).update(body).digest(encoding);
}

module.exports = { WEBHOOK_SECRET, signZohoWebhook };
