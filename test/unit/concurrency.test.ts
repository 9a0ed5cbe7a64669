import { sleep } from 'n8n-workflow';

import { mapPagesWithConcurrency, mapWithConcurrency, type ListPage } from '../../lib/concurrency';

describe('mapWithConcurrency', () => {
	it('keeps order and never exceeds the limit', async () => {
		let inFlight = 0;
		let peak = 0;
		const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (value) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await sleep(value);
			inFlight--;
			return value * 10;
		});
		expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
		expect(peak).toBe(3);
	});

	it('rejects a limit below 1', async () => {
		await expect(mapWithConcurrency([1], 0, async (x) => x)).rejects.toThrow(
			'Concurrency must be a whole number of at least 1, got 0',
		);
	});
});

describe('mapPagesWithConcurrency', () => {
	/** A paged list of `total` numbered entries, `perPage` a page, recording every call in `log`. */
	function pagedList(total: number, perPage: number, delayMs = 2) {
		const log: string[] = [];
		let inFlight = 0;
		let peak = 0;
		const track = async <V>(label: string, work: () => V): Promise<V> => {
			log.push(`start ${label}`);
			inFlight++;
			peak = Math.max(peak, inFlight);
			await sleep(delayMs);
			inFlight--;
			log.push(`end ${label}`);
			return work();
		};
		const listPage = async (page: number): Promise<ListPage<number>> =>
			await track(`page ${page}`, () => {
				const entries = Array.from(
					{ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) },
					(_, i) => (page - 1) * perPage + i,
				);
				return { entries, hasMore: page * perPage < total };
			});
		const fn = async (entry: number) => await track(`entry ${entry}`, () => `payload ${entry}`);
		return { listPage, fn, log, peak: () => peak, inFlight: () => inFlight };
	}

	it('maps every listed entry in list order, with no more calls in flight than the limit, pages included', async () => {
		const list = pagedList(23, 5);
		const result = await mapPagesWithConcurrency(list.listPage, 4, list.fn);
		expect(result).toEqual(Array.from({ length: 23 }, (_, i) => `payload ${i}`));
		expect(list.log.filter((line) => line.startsWith('start page'))).toEqual([
			'start page 1',
			'start page 2',
			'start page 3',
			'start page 4',
			'start page 5',
		]);
		expect(list.peak()).toBe(4);
	});

	it('asks for the next page while entries of the previous one are still being mapped', async () => {
		const list = pagedList(12, 6);
		await mapPagesWithConcurrency(list.listPage, 3, list.fn);
		const page2 = list.log.indexOf('start page 2');
		const entriesInFlight = list.log
			.slice(0, page2)
			.filter(
				(line) =>
					line.startsWith('start entry') &&
					!list.log.slice(0, page2).includes(line.replace('start', 'end')),
			);
		expect(entriesInFlight.length).toBeGreaterThan(0);
	});

	it('stops listing at maxEntries and maps only those', async () => {
		const list = pagedList(100, 5);
		const result = await mapPagesWithConcurrency(list.listPage, 3, list.fn, 7);
		expect(result).toEqual(Array.from({ length: 7 }, (_, i) => `payload ${i}`));
		expect(list.log.filter((line) => line.startsWith('start page'))).toEqual([
			'start page 1',
			'start page 2',
		]);
		expect(list.log.filter((line) => line.startsWith('start entry'))).toHaveLength(7);
	});

	it('returns nothing for an empty list, after one page call', async () => {
		const list = pagedList(0, 5);
		await expect(mapPagesWithConcurrency(list.listPage, 3, list.fn)).resolves.toEqual([]);
		expect(list.log).toEqual(['start page 1', 'end page 1']);
	});

	it('rejects with the first failure of an entry and starts no call after it', async () => {
		const list = pagedList(30, 10);
		const failing = async (entry: number) => {
			if (entry === 4) throw new Error('entry 4 failed');
			return await list.fn(entry);
		};
		await expect(mapPagesWithConcurrency(list.listPage, 3, failing)).rejects.toThrow(
			'entry 4 failed',
		);
		const startedBeforeSettling = list.log.filter((line) => line.startsWith('start')).length;
		await sleep(20);
		expect(list.log.filter((line) => line.startsWith('start'))).toHaveLength(startedBeforeSettling);
		expect(list.inFlight()).toBe(0);
		expect(list.log).not.toContain('start entry 10');
	});

	it('rejects with a page failure', async () => {
		const list = pagedList(30, 10);
		const listPage = async (page: number) => {
			if (page === 2) throw new Error('page 2 failed');
			return await list.listPage(page);
		};
		await expect(mapPagesWithConcurrency(listPage, 3, list.fn)).rejects.toThrow('page 2 failed');
		expect(list.log).not.toContain('start page 3');
	});

	it('rejects a limit below 1', async () => {
		const list = pagedList(3, 5);
		await expect(mapPagesWithConcurrency(list.listPage, 0, list.fn)).rejects.toThrow(
			'Concurrency must be a whole number of at least 1, got 0',
		);
	});
});
