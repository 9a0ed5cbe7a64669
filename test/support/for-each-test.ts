/**
 * A stand-in for every test of a file: started before each test, stopped after it, declared once as
 * `const zoho = zohoBillingForEachTest()`. The value stands for the current test's stand-in (a Proxy
 * that forwards to it), so the tests use it as the stand-in itself. Test-only code.
 */
import { MoEngageStandIn } from './stand-ins/moengage';
import { ZohoBillingStandIn } from './stand-ins/zoho-billing';

export function forEachTest<T extends { stop(): Promise<unknown> }>(start: () => Promise<T>): T {
	let current: T | undefined;
	beforeEach(async () => {
		current = await start();
	});
	afterEach(async () => {
		await current?.stop();
		current = undefined;
	});
	const now = (): T => {
		if (!current) throw new Error('A stand-in for each test exists only while a test runs');
		return current;
	};
	return new Proxy({} as T, {
		get(_, key) {
			const target = now();
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
		set: (_, key, value) => Reflect.set(now(), key, value),
		has: (_, key) => Reflect.has(now(), key),
	});
}

/**
 * A stand-in of `StandIn`'s class for each test, `prepare`d (records, events, profiles) before the
 * test runs.
 */
function standInForEachTest<T extends { stop(): Promise<unknown> }>(
	StandIn: { started(): Promise<T> },
	prepare?: (standIn: T) => void,
): T {
	return forEachTest(async () => {
		const standIn = await StandIn.started();
		prepare?.(standIn);
		return standIn;
	});
}

export const zohoBillingForEachTest = (prepare?: (zoho: ZohoBillingStandIn) => void) =>
	standInForEachTest(ZohoBillingStandIn, prepare);

export const moEngageForEachTest = (prepare?: (moEngage: MoEngageStandIn) => void) =>
	standInForEachTest(MoEngageStandIn, prepare);
