/**
 * JSON as the services send it. Pure, n8n-free.
 *
 * Zoho sends IDs beyond 2^53 as JSON numbers in real webhooks: a captured `subscription_upgraded`
 * carries `"event_id": 135953000000262460` and a `plan_id` of 135953000000056055
 * (continuousphp/zoho-subscriptions, tests/ZohoTest/Service/Webhook/SubscriptionTest.php). Plain
 * `JSON.parse` turns those into the nearest double (…056055 becomes …056056), so a lookup by that ID
 * finds the wrong record or none. `parseJsonExact` keeps every integer that a double cannot hold
 * exactly as its decimal string; everything else parses as `JSON.parse` would.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "an array", "null", "a string": what a value is, for error messages. */
export function describeJsonValue(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Every integer up to 15 digits is exact in a double, so only a text holding a run of 16 or more
 * digits can need the slow path. Zoho's IDs are 13 to 19 digits; a text without such a run (most
 * API pages of short IDs) costs one regular expression test more than `JSON.parse`.
 */
const LONG_DIGIT_RUN = /\d{16}/;

/**
 * JSON strings (skipped whole, escapes included) or a whole number token: the look-behind keeps a
 * long run of digits inside a fraction or an exponent (`1.2345678901234567`) from being taken for a
 * number of its own. A number is only rewritten when it is an integer (no fraction, no exponent)
 * that is not a safe integer.
 */
const STRING_OR_LONG_NUMBER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** `JSON.parse(text)`, except that integers beyond 2^53 stay exact, as strings. Throws as JSON.parse does. */
export function parseJsonExact(text: string): unknown {
	if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
	return JSON.parse(text.replace(STRING_OR_LONG_NUMBER, quoteUnsafeInteger));
}

function quoteUnsafeInteger(token: string): string {
	if (token.startsWith('"') || !/^-?\d+$/.test(token)) return token;
	return Number.isSafeInteger(Number(token)) ? token : `"${token}"`;
}
