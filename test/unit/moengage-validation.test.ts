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
		[{ status: 'x' }, 'Custom Attributes: "status" is a reserved MoEngage user attribute name'],
		[{ USER_ATTRIBUTE_UNIQUE_ID: 'x' }, 'is a reserved MoEngage user attribute name'],
		[{ moe_unsubscribe: 'yes' }, '"moe_unsubscribe" must be true or false, got "yes"'],
		[
			{ moe_email_optin_status: 'OPTED_IN' },
			'"moe_email_optin_status" must be one of DOUBLE_OPTED_IN, OPTED_OUT, OPT_IN_PENDING',
		],
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

	it('lets user updates set the moe_ attributes MoEngage documents for Track User, typed', () => {
		expect(
			validateAttributes(
				{
					moe_unsubscribe: 'true',
					moe_spam: false,
					moe_hard_bounce: 'false',
					moe_wa_subscription: true,
					moe_sms_subscription: 'opted_in',
					moe_email_optin_status: 'DOUBLE_OPTED_IN',
				},
				'Custom Attributes',
			),
		).toEqual({
			moe_unsubscribe: true,
			moe_spam: false,
			moe_hard_bounce: false,
			moe_wa_subscription: true,
			moe_sms_subscription: 'opted_in',
			moe_email_optin_status: 'DOUBLE_OPTED_IN',
		});
		expect(() =>
			validateAttributes({ moe_unsubscribe: true }, 'Event Attributes', 'event'),
		).toThrow(
			'Event Attributes: "moe_unsubscribe" starts with "moe_", which MoEngage reserves for its own attributes',
		);
	});

	it('applies the reserved user-attribute words to user attributes only', () => {
		expect(
			validateAttributes(
				{ status: 'failure', source: 'zoho', id: '7' },
				'Event Attributes',
				'event',
			),
		).toEqual({ status: 'failure', source: 'zoho', id: '7' });
		expect(() => validateAttributes({ source: 'zoho' }, 'Custom Attributes', 'user')).toThrow(
			'reserved MoEngage user attribute name',
		);
	});

	it('cuts names over 200 and values over 512 characters, as MoEngage keeps them, with a warning', () => {
		const policy = { overLong: 'truncate' as const, warnings: [] as string[] };
		const longName = 'n'.repeat(205);
		const sent = validateAttributes(
			{ note: 'x'.repeat(600), [longName]: 1, tags: ['y'.repeat(513)], emoji: '😀'.repeat(512) },
			'Custom Attributes',
			'user',
			policy,
		);
		expect(sent).toEqual({
			note: 'x'.repeat(512),
			['n'.repeat(200)]: 1,
			tags: ['y'.repeat(512)],
			// 512 characters (1,024 UTF-16 units): MoEngage counts characters, so nothing is cut.
			emoji: '😀'.repeat(512),
		});
		expect(policy.warnings).toEqual([
			'Custom Attributes: value of "note" (600 characters) was cut to the 512 MoEngage keeps',
			`Custom Attributes: attribute name "${'n'.repeat(40)}…" was cut to the 200 characters MoEngage keeps`,
			'Custom Attributes: value of "tags" (513 characters) was cut to the 512 MoEngage keeps',
		]);
		expect(() =>
			validateAttributes({ note: 'x'.repeat(600) }, 'Custom Attributes', 'user', {
				overLong: 'fail',
				warnings: [],
			}),
		).toThrow('value of "note" is 600 characters long; MoEngage keeps at most 512');
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
