/**
 * When to retry an HTTP call and how long to wait first. Shared by the Zoho Billing and MoEngage
 * transports so both services get the same, tested behaviour.
 *
 * - 429 and 5xx are retried, as are network failures (no status); every other status fails at once.
 * - The wait honours the server: `Retry-After` (seconds or an HTTP date) and MoEngage's
 *   `x-ratelimit-reset`, whose meaning MoEngage documents two ways (seconds until the window resets
 *   on one page, UTC epoch seconds on another), so both are accepted: values below 1e9 are seconds to
 *   wait, larger ones an epoch time.
 * - Otherwise exponential backoff with jitter, and every wait is capped.
 */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff step. */
	baseDelayMs: number;
	/** No single wait is longer than this, whatever the server asks. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

export function isRetryableStatus(status: number | undefined): boolean {
	if (status === undefined) return true; // network failure: nothing reached the server's logic
	return status === 429 || status >= 500;
}

/**
 * Whether sending a request twice does harm. `repeatable`: a second copy has the effect of one (a
 * read, a user attribute update). `once`: a second copy counts twice, as a MoEngage event does:
 * MoEngage has no idempotency key, and events cannot be changed or deleted.
 */
export type Repeatability = 'repeatable' | 'once';

/** Network failures in which the request never left this machine: no connection, no address. */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** What a failure looked like: its status (none when no answer came) and the network error code. */
export interface FailureSigns {
	status: number | undefined;
	code?: string;
}

/**
 * Whether to send a request again after this failure. A repeatable one on any 429, 5xx or network
 * failure. A once-only one only where it surely did not arrive: the connection was refused or the host
 * not found, or the service refused it unprocessed (429, its rate limit; 503, unavailable). Not after a
 * timeout, a reset connection or another 5xx: the service may have recorded it.
 */
export function isRetryable(failure: FailureSigns, repeatability: Repeatability): boolean {
	if (repeatability === 'repeatable') return isRetryableStatus(failure.status);
	if (failure.status === undefined)
		return failure.code !== undefined && NEVER_SENT_CODES.has(failure.code);
	return failure.status === 429 || failure.status === 503;
}

/** A failure after which a once-only request may or may not have been recorded: not sent again. */
export function mayHaveArrived(failure: FailureSigns, repeatability: Repeatability): boolean {
	return (
		repeatability === 'once' &&
		isRetryableStatus(failure.status) &&
		!isRetryable(failure, repeatability)
	);
}

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
	if (!headers) return undefined;
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name)
			return Array.isArray(value)
				? String(value[0])
				: value === undefined
					? undefined
					: String(value);
	}
	return undefined;
}

/** How long the server asked us to wait, in ms, or undefined when it did not say. */
function serverRequestedDelayMs(headers: Headers, nowMs: number): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
	}
	const reset = Number(header(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		return reset < 1e9 ? reset * 1000 : Math.max(0, reset * 1000 - nowMs);
	}
	return undefined;
}

/**
 * Wait before retry number `retry` (0 for the first retry). `random` is injectable for tests.
 */
export function retryDelayMs(
	retry: number,
	policy: RetryPolicy,
	headers: Headers,
	nowMs: number,
	random: () => number = Math.random,
): number {
	const requested = serverRequestedDelayMs(headers, nowMs);
	if (requested !== undefined) return Math.min(requested, policy.maxDelayMs);
	const exponential = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
	// "Equal jitter": at least half the step, so retries never collapse to zero, spread over the rest.
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}
