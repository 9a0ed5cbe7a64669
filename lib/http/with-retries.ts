/**
 * Runs an HTTP call, retrying it per `RetryPolicy`. Pure: the clock and the sleep are injected, so the
 * n8n transports pass n8n's `sleep` and tests pass a recorder.
 */
import {
	isRetryable,
	mayHaveArrived,
	retryDelayMs,
	type Repeatability,
	type RetryPolicy,
} from './retry-policy';

/** What a failed HTTP call looked like from the outside. */
export interface HttpFailure {
	/** HTTP status, or undefined when no response arrived (network error, timeout). */
	status: number | undefined;
	headers: Record<string, unknown>;
	/** Parsed response body, when there was one. */
	body: unknown;
	/** The network error code (ECONNREFUSED, ETIMEDOUT, …) when no answer came. */
	code?: string;
}

/**
 * The outcome of `withRetries`. Failures are returned, not thrown, so the caller turns them into the
 * error type of its world (n8n's NodeApiError in the transports) without re-throwing foreign errors.
 */
export type RetryOutcome<T> =
	| { ok: true; value: T; attempts: number }
	/**
	 * An HTTP failure: not retryable, or still failing when the retries ran out. `mayHaveArrived`: a
	 * once-only request failed in a way that leaves open whether the service recorded it.
	 */
	| { ok: false; failure: HttpFailure; attempts: number; error: unknown; mayHaveArrived: boolean }
	/** Not an HTTP failure at all (a bug, a missing credential): never retried. */
	| { ok: false; failure: undefined; attempts: number; error: unknown };

export interface WithRetriesOptions {
	policy: RetryPolicy;
	/** The HTTP failure an error stands for, or undefined when it is not an HTTP failure. */
	failureOf: (error: unknown) => HttpFailure | undefined;
	sleep: (ms: number) => Promise<void>;
	/** Whether the request may be sent twice (retry-policy.ts); repeatable unless told. */
	repeatability?: Repeatability;
	now?: () => number;
	random?: () => number;
}

export async function withRetries<T>(
	call: () => Promise<T>,
	options: WithRetriesOptions,
): Promise<RetryOutcome<T>> {
	const now = options.now ?? Date.now;
	for (let attempt = 1; ; attempt++) {
		let error: unknown;
		try {
			return { ok: true, value: await call(), attempts: attempt };
		} catch (caught) {
			error = caught;
		}
		const failure = options.failureOf(error);
		if (!failure) return { ok: false, failure: undefined, attempts: attempt, error };
		const retriesUsed = attempt - 1;
		const repeatability = options.repeatability ?? 'repeatable';
		if (!isRetryable(failure, repeatability) || retriesUsed >= options.policy.maxRetries) {
			return {
				ok: false,
				failure,
				attempts: attempt,
				error,
				mayHaveArrived: mayHaveArrived(failure, repeatability),
			};
		}
		await options.sleep(
			retryDelayMs(retriesUsed, options.policy, failure.headers, now(), options.random),
		);
	}
}

type Loose = Record<string, unknown> | undefined;

/**
 * Reads status, headers and body from the errors n8n's HTTP helpers throw: a `NodeApiError` whose
 * `cause` is the underlying HTTP client error with a `response`, or that error itself.
 */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const outer = error as Record<string, unknown>;
	const inner = (outer.cause ?? undefined) as Loose;
	const response = (outer.response ?? inner?.response) as Loose;
	if (response && typeof response === 'object') {
		const status = Number(response.status ?? response.statusCode);
		return {
			status: Number.isFinite(status) ? status : undefined,
			headers: (response.headers as Record<string, unknown>) ?? {},
			body: response.data ?? response.body,
		};
	}
	const code = String(outer.code ?? inner?.code ?? '');
	if (
		/^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ECONNABORTED|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_SOCKET)$/.test(
			code,
		)
	) {
		return { status: undefined, headers: {}, body: undefined, code };
	}
	const httpCode = Number(outer.httpCode);
	if (Number.isFinite(httpCode) && httpCode >= 400)
		return { status: httpCode, headers: {}, body: undefined };
	return undefined;
}
