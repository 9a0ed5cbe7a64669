/**
 * A credential's test request, run the way n8n's credential tester runs it, against a stand-in:
 * the request's expressions resolved over `$credentials` by n8n's own expression engine, then the
 * answer judged by the test's rules as n8n 2.40 judges them
 * (packages/cli/src/services/credentials-tester.service.ts, `runRequestTest`):
 *   - an HTTP error: the first `responseCode` rule for its status gives the message, else the status
 *     text or "Received HTTP status code: <status>";
 *   - a 2xx: the first `responseSuccessBody` rule whose key holds its value gives the message;
 *   - otherwise the test passes.
 * Test-only code.
 */
import { type ICredentialTestRequest, type IDataObject } from 'n8n-workflow';

import { resolveCredentialValue } from './expression';

export { resolveCredentialValue };

export type CredentialTestVerdict = { status: 'OK' } | { status: 'Error'; message: string };

/** `a.b.c` of an object, as lodash's `get` reads it in n8n's tester. */
function valueAt(body: unknown, key: string): unknown {
	let value = body;
	for (const step of key.split('.')) {
		value = typeof value === 'object' && value !== null ? (value as IDataObject)[step] : undefined;
	}
	return value;
}

/** n8n's verdict on an answer to the test request (see above). */
export function judgeCredentialTest(
	test: ICredentialTestRequest,
	answer: { status: number; statusText?: string; body: unknown },
): CredentialTestVerdict {
	const rules = (test.rules ?? []) as Array<{
		type: string;
		properties: { value: unknown; message: string; key?: string };
	}>;
	if (answer.status < 200 || answer.status > 299) {
		const rule = rules.find(
			(candidate) =>
				candidate.type === 'responseCode' && candidate.properties.value === answer.status,
		);
		return {
			status: 'Error',
			message:
				rule?.properties.message ??
				(answer.statusText || `Received HTTP status code: ${answer.status}`),
		};
	}
	const rule = rules.find(
		(candidate) =>
			candidate.type === 'responseSuccessBody' &&
			valueAt(answer.body, candidate.properties.key ?? '') === candidate.properties.value,
	);
	return rule ? { status: 'Error', message: rule.properties.message } : { status: 'OK' };
}
