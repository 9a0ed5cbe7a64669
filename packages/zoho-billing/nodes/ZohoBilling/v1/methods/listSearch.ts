import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, recordChoice } from '../../../../../../lib/zoho/record-search';
import { LOOKUP_RESOURCES, type LookupResource } from '../../../../../../lib/zoho/resources';
import { zohoBillingListPage } from '../../../../../../nodes/shared/zoho-billing/client';

/** Records per picker page: one Zoho call each (Zoho allows up to 200). */
const PICKER_PAGE_SIZE = 50;

/**
 * One page of a resource's records for a "From List" picker: Zoho's list endpoint, narrowed by
 * `search_text` when the user typed something, every record checked against it (lib/zoho/record-search.ts).
 * Each page the user scrolls to is one Zoho call.
 */
async function searchRecords(
	context: ILoadOptionsFunctions,
	resource: LookupResource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const spec = LOOKUP_RESOURCES[resource];
	const page = Number(paginationToken ?? '1') || 1;
	const typed = (filter ?? '').trim();
	const { entries, hasMore } = await zohoBillingListPage.call(
		context,
		{
			path: spec.path,
			listKey: spec.listKey,
			qs: { page, per_page: PICKER_PAGE_SIZE, ...(typed === '' ? {} : { search_text: typed }) },
		},
		0,
	);
	const results = entries
		.map((record) => recordChoice(resource, record))
		.filter((choice) => choice !== undefined && matchesSearch(choice, typed))
		.map((choice) => ({ name: choice!.name, value: choice!.value }));
	return { results, paginationToken: hasMore ? String(page + 1) : undefined };
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, 'customer', filter, paginationToken);
}

export async function searchSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, 'subscription', filter, paginationToken);
}

export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, 'invoice', filter, paginationToken);
}

export async function searchPlans(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecords(this, 'plan', filter, paginationToken);
}
