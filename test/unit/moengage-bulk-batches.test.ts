import { BULK_MAX_BYTES, packBulkRequests } from '../../lib/moengage/bulk-batches';

/** A user element whose JSON is exactly `bytes` long (ASCII), built by padding one attribute. */
function userOfSize(id: number, bytes: number) {
	const empty = JSON.stringify({
		type: 'customer',
		customer_id: `u${id}`,
		attributes: { pad: '' },
	});
	return {
		type: 'customer',
		customer_id: `u${id}`,
		attributes: { pad: 'p'.repeat(bytes - empty.length) },
	};
}

const ENVELOPE = '{"type":"transition","elements":[]}'.length; // 35 bytes

describe('packBulkRequests', () => {
	it('puts everything in one request when it fits, with the exact body MoEngage expects', () => {
		const elements = [userOfSize(1, 100), userOfSize(2, 100)];
		const { requests } = packBulkRequests(elements.map((element) => [element]));
		expect(requests).toHaveLength(1);
		expect(JSON.parse(requests[0].body)).toEqual({ type: 'transition', elements });
		expect(requests[0].bytes).toBe(Buffer.byteLength(requests[0].body));
		expect(requests[0].entries).toEqual([0, 1]);
	});

	it('sends a body of exactly 100,000 bytes as one request, and splits at 100,001', () => {
		// 10 elements + 9 commas + the envelope = 100,000 bytes: the last element takes the remainder.
		const size = 9_000;
		const last = BULK_MAX_BYTES - ENVELOPE - 9 - 9 * size;
		const exact = Array.from({ length: 10 }, (_, i) => [userOfSize(i, i === 9 ? last : size)]);
		const atCap = packBulkRequests(exact);
		expect(atCap.requests).toHaveLength(1);
		expect(Buffer.byteLength(atCap.requests[0].body)).toBe(100_000);

		const overByOne = [...exact.slice(0, 9), [userOfSize(9, last + 1)]];
		const split = packBulkRequests(overByOne);
		expect(split.requests.map((request) => request.entries)).toEqual([
			[0, 1, 2, 3, 4, 5, 6, 7, 8],
			[9],
		]);
		for (const request of split.requests)
			expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(BULK_MAX_BYTES);
	});

	it('counts bytes, not characters, for non-ASCII text', () => {
		const accented = {
			type: 'customer',
			customer_id: 'u1',
			attributes: { name: 'João Gonçalves — ☕' },
		};
		const { requests } = packBulkRequests([[accented]]);
		expect(requests[0].bytes).toBe(Buffer.byteLength(requests[0].body));
		expect(requests[0].bytes).toBeGreaterThan(requests[0].body.length);
	});

	it('keeps the elements of one item together and in order', () => {
		const size = 40_000;
		const entries = [
			[userOfSize(1, size)],
			[userOfSize(2, size), userOfSize(3, size)],
			[userOfSize(4, 100)],
		];
		const { requests } = packBulkRequests(entries);
		expect(requests.map((request) => request.entries)).toEqual([[0], [1, 2]]);
		expect(
			JSON.parse(requests[1].body).elements.map(
				(element: { customer_id: string }) => element.customer_id,
			),
		).toEqual(['u2', 'u3', 'u4']);
	});

	it('reports an item too large for any request instead of sending it', () => {
		const { requests, tooLarge } = packBulkRequests([
			[userOfSize(1, 100)],
			[userOfSize(2, BULK_MAX_BYTES)],
			[userOfSize(3, 100)],
		]);
		expect(tooLarge).toEqual([{ entry: 1, bytes: BULK_MAX_BYTES + ENVELOPE }]);
		expect(requests.map((request) => request.entries)).toEqual([[0, 2]]);
	});
});
