/** lib/moengage/user-care.ts: Delete Users and Merge Users bodies, and merge calls of at most 50 pairs. */
import fc from 'fast-check';

import { InputError } from '../../lib/input-error';
import { moEngageFailureOf } from '../../lib/moengage/api-response';
import {
	MERGE_MAX_PAIRS,
	deleteUserBody,
	mergeCalls,
	mergePair,
} from '../../lib/moengage/user-care';

describe('Delete Users body', () => {
	it('names the identifier type MoEngage documents and the trimmed value', () => {
		expect(deleteUserBody('moengage_id', ' 6416d1a3 ')).toEqual({
			identity_type: 'moengage_id',
			identity_value: '6416d1a3',
		});
	});

	it('refuses another identifier type or an empty value', () => {
		expect(() => deleteUserBody('email', 'a@b.pt')).toThrow(
			new InputError('Identify User By must be one of customer_id, moengage_id, got "email"'),
		);
		expect(() => deleteUserBody('customer_id', '')).toThrow(
			'Customer ID is required to delete a user',
		);
	});
});

describe('Merge Users', () => {
	it('pairs two different customer IDs', () => {
		expect(mergePair(' a ', 'b')).toEqual({ retained_user: 'a', merged_user: 'b' });
		expect(() => mergePair('', 'b')).toThrow('Retained User is required');
		expect(() => mergePair('a', undefined)).toThrow('Merged User is required');
		expect(() => mergePair('a', 'a')).toThrow(
			'Retained User and Merged User must differ, both are "a"',
		);
	});

	it('packs any number of pairs into calls of at most 50, all in order', () => {
		fc.assert(
			fc.property(fc.array(fc.integer(), { maxLength: 400 }), (pairs) => {
				const calls = mergeCalls(pairs);
				expect(calls.flat()).toEqual(pairs);
				expect(calls.every((call) => call.length >= 1 && call.length <= MERGE_MAX_PAIRS)).toBe(
					true,
				);
				expect(calls.length).toBe(Math.ceil(pairs.length / MERGE_MAX_PAIRS));
			}),
		);
	});
});

describe("MoEngage's failure answers", () => {
	it('read the title and description form Delete Users documents for 429 and 5xx', () => {
		expect(
			moEngageFailureOf({
				status: 'fail',
				title: 'Rate limit exceeded',
				description: 'Exceeded rate limit for this url',
			}),
		).toEqual({ type: 'Rate limit exceeded', message: 'Exceeded rate limit for this url' });
	});
});
