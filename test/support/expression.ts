/**
 * n8n's own expression engine, for the places tests resolve what n8n resolves: a credential's
 * defaults over `$self`, its test request and authentication over `$credentials`, a node's subtitle
 * over `$parameter`. Test-only code.
 */
import { Expression } from 'n8n-workflow';

/** `value` (an `=…{{ }}` string or a plain value) resolved over `data`, as n8n resolves it, in UTC. */
export function evaluateExpression(value: unknown, data: Record<string, unknown>): unknown {
	return new Expression('UTC').resolveSimpleParameterValue(value as string, data as never, false);
}

/** A credential property resolved over `$credentials`, as n8n's credential tester resolves it. */
export function resolveCredentialValue(value: unknown, credentials: object): unknown {
	return evaluateExpression(value, { $credentials: credentials });
}
