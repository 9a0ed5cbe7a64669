/**
 * Deleting and merging MoEngage users (Data API "Delete Users" and "Merge Users", api/data/data.yaml
 * in moengage/moengage-documentation): the request bodies, checked before anything is sent.
 *
 * - Delete Users: `POST /v1/customer/delete?app_id=<workspace>`, `{ identity_type, identity_value }`,
 *   one user per request, 5,000 requests a minute. MoEngage deletes the user after a 24-hour buffer
 *   in which it stays active and can still be updated, and a repeat is accepted again; a user created
 *   later with the same identifier is a new user. An unknown user is a 400 "Not Found".
 * - Merge Users: `POST /v1/customer/merge?app_id=<workspace>`, `{ merge_data: [{ retained_user,
 *   merged_user }] }` by customer ID, at most 50 pairs per call, 1,000 user updates a minute, 128 KB.
 *   A pair that fails is skipped and the call still answers 200, `{ status: "success", operation:
 *   "created" }` for the whole call; the merged user is deleted after 30 days without activity.
 *   Irreversible, not transitive (A into B, then B into C leaves A's events on B), and unavailable in
 *   workspaces with identity resolution.
 */
import { InputError } from '../input-error';
import { trimmedText } from '../text';

export type DeleteIdentityType = 'customer_id' | 'moengage_id';

export const DELETE_IDENTITY_TYPES: readonly DeleteIdentityType[] = ['customer_id', 'moengage_id'];

/** The body of one Delete Users request. */
export function deleteUserBody(
	identityType: unknown,
	identityValue: unknown,
): { identity_type: DeleteIdentityType; identity_value: string } {
	if (!DELETE_IDENTITY_TYPES.includes(identityType as DeleteIdentityType))
		throw new InputError(
			`Identify User By must be one of ${DELETE_IDENTITY_TYPES.join(', ')}, got ${JSON.stringify(identityType)}`,
		);
	const value = trimmedText(identityValue);
	const label = identityType === 'customer_id' ? 'Customer ID' : 'MoEngage ID';
	if (value === '') throw new InputError(`${label} is required to delete a user`);
	return { identity_type: identityType as DeleteIdentityType, identity_value: value };
}

/** At most this many pairs in one Merge Users call. */
export const MERGE_MAX_PAIRS = 50;

export interface MergePair {
	retained_user: string;
	merged_user: string;
}

/** One pair of Merge Users: two different customer IDs. */
export function mergePair(retainedUser: unknown, mergedUser: unknown): MergePair {
	const retained = trimmedText(retainedUser);
	const merged = trimmedText(mergedUser);
	if (retained === '')
		throw new InputError('Retained User is required: the customer ID that stays');
	if (merged === '')
		throw new InputError('Merged User is required: the customer ID merged into the retained user');
	if (retained === merged)
		throw new InputError(`Retained User and Merged User must differ, both are "${retained}"`);
	return { retained_user: retained, merged_user: merged };
}

/** Pairs in calls of at most MERGE_MAX_PAIRS, in order. */
export function mergeCalls<T>(pairs: readonly T[]): T[][] {
	const calls: T[][] = [];
	for (let start = 0; start < pairs.length; start += MERGE_MAX_PAIRS)
		calls.push(pairs.slice(start, start + MERGE_MAX_PAIRS));
	return calls;
}
