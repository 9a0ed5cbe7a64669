import { InputError } from '../../lib/input-error';
import { parseFieldList, splitInputFields } from '../../lib/moengage/input-fields';

describe('parseFieldList', () => {
	it('splits on commas, trims and drops empty names', () => {
		expect(parseFieldList(' row_number, internal_note ,, ')).toEqual([
			'row_number',
			'internal_note',
		]);
		expect(parseFieldList('')).toEqual([]);
		expect(parseFieldList(undefined)).toEqual([]);
	});

	it('accepts a list already split (an expression returning an array)', () => {
		expect(parseFieldList(['a', ' b ', ''])).toEqual(['a', 'b']);
	});
});

describe('splitInputFields', () => {
	const json = { customer_id: 'u-1', plan_tier: 'gold', seats: 3, tags: ['a'], row_number: 7 };

	it('takes the identifier field out and keeps every other field under its own name, in order', () => {
		const split = splitInputFields(json, 'customer_id', ['row_number'], 'Customer ID Field');
		expect(split).toEqual({
			identifier: 'u-1',
			attributes: { plan_tier: 'gold', seats: 3, tags: ['a'] },
		});
		expect(Object.keys(split.attributes)).toEqual(['plan_tier', 'seats', 'tags']);
	});

	it('returns the identifier as it is (numbers included) for the identity rules to check', () => {
		expect(splitInputFields({ id: 4711 }, ' id ', [], 'Customer ID Field').identifier).toBe(4711);
	});

	it.each([
		[
			{ plan_tier: 'gold' },
			'The input field "customer_id" named in Customer ID Field is missing or empty (the item has "plan_tier")',
		],
		[
			{ customer_id: '' },
			'The input field "customer_id" named in Customer ID Field is missing or empty (the item has "customer_id")',
		],
		[
			{ customer_id: null },
			'The input field "customer_id" named in Customer ID Field is missing or empty (the item has "customer_id")',
		],
		[
			{},
			'The input field "customer_id" named in Customer ID Field is missing or empty (the item has no fields)',
		],
	])('refuses an item without the identifier: %j', (item, message) => {
		expect(() => splitInputFields(item, 'customer_id', [], 'Customer ID Field')).toThrow(
			new InputError(message),
		);
	});

	it('lists at most 10 of the fields present in the error', () => {
		const wide = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, i]));
		expect(() => splitInputFields(wide, 'id', [], 'Customer ID Field')).toThrow(/"f9", …\)$/);
	});

	it('refuses an empty identifier field name, naming the parameter', () => {
		expect(() => splitInputFields(json, '  ', [], 'Email Field')).toThrow(
			'Email Field is empty: name the input field that identifies the user',
		);
	});
});
