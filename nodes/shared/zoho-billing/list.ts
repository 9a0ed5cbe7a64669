import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	mapPagesWithConcurrency,
	mapWithConcurrency,
	type ListPage,
} from '../../../lib/concurrency';
import { pageSizeFor } from '../../../lib/zoho/paging';
import type { ListPlan } from '../../../lib/zoho/resources';
import { zohoBillingListPage } from './client';

/**
 * The one way the Zoho Billing nodes read a list: pages of `path` with the plan's query, each listed
 * record checked by the plan (lib/zoho/resources.ts, lib/zoho/event-list-query.ts), optionally each
 * one's full record fetched (Zoho's event list holds no payloads), up to `limit` records.
 */
export interface ZohoListing {
	path: string;
	listKey: string;
	plan: ListPlan;
	/** The most records to return; Infinity for all. */
	limit: number;
	/** Each listed record's full record, `concurrency` calls at a time, and a check of it if any. */
	full?: {
		fetch: (listed: IDataObject) => Promise<IDataObject>;
		keep?: (record: IDataObject) => boolean;
		concurrency: number;
	};
}

export async function listZohoRecords(
	this: IExecuteFunctions,
	itemIndex: number,
	{ path, listKey, plan, limit, full }: ZohoListing,
): Promise<IDataObject[]> {
	const perPage = pageSizeFor(limit, plan.keep !== undefined || full?.keep !== undefined);
	const listPage = async (page: number): Promise<ListPage<IDataObject>> => {
		const { entries, hasMore } = await zohoBillingListPage.call(
			this,
			{ path, listKey, qs: { ...plan.query, page, per_page: perPage } },
			itemIndex,
		);
		return { entries: plan.keep ? entries.filter(plan.keep) : entries, hasMore };
	};

	// Nothing more to fetch: one page at a time is all there is to do.
	if (!full) return await mapPagesWithConcurrency(listPage, 1, async (entry) => entry, limit);
	// Full records of every listed one: the next page is listed while the last one's are fetched, all
	// within the concurrency limit.
	if (!full.keep)
		return await mapPagesWithConcurrency(listPage, full.concurrency, full.fetch, limit);

	// Checked on the full record: how many listed ones pass is known only once their records are in, so
	// they are fetched `concurrency` at a time, and no further batch once `limit` is met.
	const kept: IDataObject[] = [];
	for (let page = 1; kept.length < limit; page++) {
		const { entries, hasMore } = await listPage(page);
		for (let start = 0; start < entries.length && kept.length < limit; start += full.concurrency) {
			const batch = entries.slice(start, start + full.concurrency);
			const records = await mapWithConcurrency(batch, full.concurrency, full.fetch);
			for (const record of records) if (kept.length < limit && full.keep(record)) kept.push(record);
		}
		if (!hasMore) break;
	}
	return kept;
}
