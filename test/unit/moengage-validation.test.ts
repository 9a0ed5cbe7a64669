import { buildCustomerElement, buildEventElement } from '../../lib/moengage/elements';
import { moEngageFailureOf } from '../../lib/moengage/api-response';
import {
	eventTime,
	toMoEngageDate,
	validateAttributes,
	validateCustomerId,
	validateEventName,
} from '../../lib/moengage/validation';

describe('MoEngage validation', () => {
	it.each(['guest', 'NULL', '0', '1', 'n/a', 'customer_id', '-1', 'x', '  '])(
		'refuses the placeholder customer ID %j',
		(id) => {
			expect(() => validateCustomerId(id)).toThrow(/Customer ID/);
		},
	);

	it('accepts real IDs and trims them', () => {
		expect(validateCustomerId(' ana.silva@example.com ')).toBe('ana.silva@example.com');
		expect(validateCustomerId(2000000061001)).toBe('2000000061001');
		expect(() => validateCustomerId('')).toThrow(
			'Customer ID is empty: every MoEngage user needs an identifier',
		);
	});

	it.each([
		[
			{ moe_plan: 'x' },
			'Custom Attributes: "moe_plan" starts with "moe_", which MoEngage reserves for its own attributes',
		],
		[{ MOE_x: 1 }, 'starts with "moe_"'],
		[{ id: 'x' }, 'Custom Attributes: "id" is not allowed as an attribute name by MoEngage'],
		[{ _id: 'x' }, '"_id" is not allowed'],
		[{ '': 'x' }, '"" is not allowed'],
		[{ status: 'x' }, 'Custom Attributes: "status" is a reserved MoEngage attribute name'],
		[{ USER_ATTRIBUTE_UNIQUE_ID: 'x' }, 'is a reserved MoEngage attribute name'],
		[{ ['a'.repeat(201)]: 'x' }, 'is longer than 200 characters'],
		[
			{ note: 'x'.repeat(513) },
			'Custom Attributes: value of "note" is 513 characters long; MoEngage keeps at most 512',
		],
		[
			{ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
			'"tags" has 51 elements; MoEngage keeps at most 50',
		],
		[{ ratio: Number.NaN }, 'value of "ratio" is not a finite number'],
	])('refuses custom attributes %j', (attributes, message) => {
		expect(() => validateAttributes(attributes, 'Custom Attributes')).toThrow(message);
	});

	it('keeps valid attributes with their types and drops undefined', () => {
		expect(
			validateAttributes(
				{
					plan: 'pro',
					seats: 3,
					trial: false,
					tags: ['a', 'b'],
					gone: undefined,
					note: 'x'.repeat(512),
				},
				'A',
			),
		).toEqual({
			plan: 'pro',
			seats: 3,
			trial: false,
			tags: ['a', 'b'],
			note: 'x'.repeat(512),
		});
	});

	it('checks event names', () => {
		expect(validateEventName(' payment_declined ')).toBe('payment_declined');
		expect(() => validateEventName('moe_custom')).toThrow('starts with "moe_"');
		expect(() => validateEventName('invoice.created')).toThrow(
			'contains "." which MoEngage turns into a space; use "_" instead',
		);
		expect(() => validateEventName('')).toThrow('Event Name is empty');
	});

	it('writes dates as ISO 8601, converting offsets to UTC', () => {
		expect(toMoEngageDate('2026-11-02', 'd')).toBe('2026-11-02');
		expect(toMoEngageDate('2026-11-02T15:28:59-0400', 'd')).toBe('2026-11-02T19:28:59Z');
		expect(toMoEngageDate('2026-11-02T15:28:59+05:30', 'd')).toBe('2026-11-02T09:58:59Z');
		expect(toMoEngageDate('2026-11-02T15:28:59.123Z', 'd')).toBe('2026-11-02T15:28:59Z');
		expect(toMoEngageDate('2026-11-02 15:28', 'd')).toBe('2026-11-02T15:28:00Z');
		expect(() => toMoEngageDate('02 Nov 2026', 'Birthday')).toThrow(
			'Birthday must be an ISO 8601 date such as 2026-11-02 or 2026-11-02T15:28:59Z, got "02 Nov 2026"',
		);
		expect(() => toMoEngageDate('2026-13-45', 'Birthday')).toThrow(
			'Birthday must be an ISO 8601 date',
		);
	});

	it('never sends an event time in the future', () => {
		const now = new Date('2026-11-23T12:00:00Z');
		expect(eventTime(undefined, now)).toBe('2026-11-23T12:00:00Z');
		expect(eventTime('2026-11-20T08:00:00-0500', now)).toBe('2026-11-20T13:00:00Z');
		expect(eventTime('2026-11-20', now)).toBe('2026-11-20T00:00:00Z');
		expect(eventTime('2026-11-23T12:00:30Z', now)).toBe('2026-11-23T12:00:00Z');
		expect(() => eventTime('2026-11-23T12:05:00Z', now)).toThrow(
			'Event Time 2026-11-23T12:05:00Z is in the future; MoEngage does not accept future events',
		);
	});
});

describe('MoEngage elements', () => {
	it('builds a user update by customer ID, custom attributes under standard ones', () => {
		expect(
			buildCustomerElement({
				identity: { customerId: 'u-100' },
				standardAttributes: { email: 'a@example.com', first_name: '', name: undefined },
				customAttributes: { plan: 'pro' },
				updateExistingOnly: true,
			}),
		).toEqual({
			type: 'customer',
			customer_id: 'u-100',
			attributes: { plan: 'pro', email: 'a@example.com' },
			update_existing_only: true,
		});
	});

	it('puts identity-resolution identifiers in attributes (users) and user_identifiers (events)', () => {
		const identity = { identifierAttribute: 'moe_mobile', identifierValue: '+351912345678' };
		expect(buildCustomerElement({ identity })).toEqual({
			type: 'customer',
			attributes: { moe_mobile: '+351912345678' },
		});
		expect(
			buildEventElement({
				identity,
				name: 'renewal_due',
				time: '2026-11-02T00:00:00Z',
				platform: 'web',
			}),
		).toEqual({
			type: 'event',
			user_identifiers: { moe_mobile: '+351912345678' },
			actions: [
				{
					action: 'renewal_due',
					attributes: {},
					current_time: '2026-11-02T00:00:00Z',
					platform: 'web',
				},
			],
		});
		expect(() =>
			buildCustomerElement({ identity: { identifierAttribute: 'email', identifierValue: ' ' } }),
		).toThrow('Identifier is empty');
		expect(() =>
			buildEventElement({ identity, name: 'x_y', time: 't', platform: 'Windows' }),
		).toThrow('Platform must be one of ANDROID, iOS, web, TV, unknown, got "Windows"');
	});
});

describe('MoEngage responses and hosts', () => {
	it('judges by status, not by HTTP code', () => {
		expect(moEngageFailureOf({ status: 'success', request_id: 'r1' })).toBeUndefined();
		expect(
			moEngageFailureOf({
				status: 'fail',
				error: { type: 'RateLimitError', message: 'Rate limit exceeded', request_id: 'r2' },
			}),
		).toEqual({
			type: 'RateLimitError',
			message: 'Rate limit exceeded',
			requestId: 'r2',
		});
		expect(moEngageFailureOf({ status: 'queued' })).toEqual({
			type: 'Error',
			message: 'MoEngage answered status "queued"',
		});
		expect(moEngageFailureOf('Bad gateway')).toEqual({
			type: 'UnexpectedResponse',
			message: 'MoEngage returned a response that is not JSON',
		});
	});
});
