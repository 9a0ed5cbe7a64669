/**
 * The e2e and reliability suites run every n8n, worker, database and queue on a port from `freePort`.
 * A drawn port that nothing can bind, or that Node's fetch refuses (its "bad ports", such as 6666,
 * which one CI run once drew), leaves a server unreachable until a start-up wait gives up.
 */
import { freePort } from '../support/processes';
import { MoEngageStandIn } from '../support/stand-ins/moengage';

it('gives ports a server can listen on and fetch can reach, a different one each time', async () => {
	const ports = [await freePort(), await freePort(), await freePort()];
	expect(new Set(ports).size).toBe(3);
	for (const port of ports) {
		const server = new MoEngageStandIn();
		expect(await server.start(port)).toBe(`http://127.0.0.1:${port}`);
		try {
			await fetch(`${server.baseUrl}/v1/transition/any`, { method: 'POST', body: '{}' });
			expect(server.requests.map((request: { path: string }) => request.path)).toEqual([
				'/v1/transition/any',
			]);
		} finally {
			await server.stop();
		}
	}
});
