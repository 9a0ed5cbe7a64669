/**
 * The check every numeric parameter gets (Limit, Max Events per Poll, Payload Concurrency, Retries,
 * Timeout): n8n's number fields carry min and max, but an expression can give any value.
 */
import { InputError } from './input-error';

/** `value` when it is a whole number from `min` to `max`; otherwise refused, naming the parameter. */
export function wholeNumber(value: unknown, label: string, min: number, max = Infinity): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
		throw new InputError(`${label} must be a whole number ${range}, got ${JSON.stringify(value)}`);
	}
	return value;
}
