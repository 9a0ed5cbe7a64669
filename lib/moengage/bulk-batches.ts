/**
 * Packing elements into Bulk Import requests (`POST /v1/transition/{workspace}`), which MoEngage caps
 * at "a maximum of 100 KB in a single API call". Whether 100 KB means 100,000 or 102,400 bytes is not
 * said, so requests are kept at or under 100,000 bytes of UTF-8 JSON, which satisfies both readings.
 * Sizes are computed exactly from the serialized elements, not estimated.
 */
export const BULK_MAX_BYTES = 100_000;

const PREFIX = '{"type":"transition","elements":[';
const SUFFIX = ']}';
const ENVELOPE_BYTES = Buffer.byteLength(PREFIX) + Buffer.byteLength(SUFFIX);

export interface BulkRequest {
	/** The exact request body to send. */
	body: string;
	bytes: number;
	/** Which of the packed entries went into this request, in order. */
	entries: number[];
}

export interface TooLargeEntry {
	entry: number;
	bytes: number;
}

/** Byte size of a Bulk Import body holding exactly these serialized elements. */
function bulkBodyBytes(serializedElements: readonly string[]): number {
	const content = serializedElements.reduce((sum, element) => sum + Buffer.byteLength(element), 0);
	return ENVELOPE_BYTES + content + Math.max(0, serializedElements.length - 1);
}

/**
 * Greedily packs entries (each a list of elements that belong together, e.g. a user update and its
 * event) in order into as few requests as fit under `maxBytes`. An entry never straddles two requests.
 * Entries too large for any request are returned apart.
 */
export function packBulkRequests(
	entries: ReadonlyArray<readonly unknown[]>,
	maxBytes = BULK_MAX_BYTES,
): { requests: BulkRequest[]; tooLarge: TooLargeEntry[] } {
	const requests: BulkRequest[] = [];
	const tooLarge: TooLargeEntry[] = [];
	let current: { parts: string[]; bytes: number; entries: number[] } | undefined;

	const flush = () => {
		if (!current) return;
		requests.push({
			body: PREFIX + current.parts.join(',') + SUFFIX,
			bytes: current.bytes,
			entries: current.entries,
		});
		current = undefined;
	};

	entries.forEach((elements, entry) => {
		const parts = elements.map((element) => JSON.stringify(element));
		if (parts.length === 0) return;
		const alone = bulkBodyBytes(parts);
		if (alone > maxBytes) {
			tooLarge.push({ entry, bytes: alone });
			return;
		}
		// Adding to a non-empty request costs the parts, their separators, and one comma before them.
		const added = alone - ENVELOPE_BYTES + 1;
		if (current && current.bytes + added <= maxBytes) {
			current.parts.push(...parts);
			current.bytes += added;
			current.entries.push(entry);
		} else {
			flush();
			current = { parts, bytes: alone, entries: [entry] };
		}
	});
	flush();
	return { requests, tooLarge };
}
