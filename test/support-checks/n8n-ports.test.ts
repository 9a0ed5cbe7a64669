/**
 * The e2e and reliability suites draw n8n's port at random. Node's fetch refuses some ports outright
 * (WHATWG Fetch "bad ports"), so an n8n on one of them can never be reached: one CI run drew 6666 and
 * waited out its readiness check. `usablePort` moves such a draw to the next usable pair.
 */
import { usablePort } from '../support/n8n-instance';

it('fetch refuses port 6666 before connecting, so n8n must never be given it', async () => {
	await expect(fetch('http://127.0.0.1:6666/healthz/readiness')).rejects.toThrow();
});

it.each([
	[6000, 6002],
	[6566, 6568],
	[6666, 6670],
	[6664, 6670],
	[10080, 10082],
	[10079, 10081],
])('moves a draw of %i to %i', (drawn, used) => {
	expect(usablePort(drawn)).toBe(used);
});

it('keeps a port whose pair fetch can reach', () => {
	expect(usablePort(5700)).toBe(5700);
	expect(usablePort(9702)).toBe(9702);
});
