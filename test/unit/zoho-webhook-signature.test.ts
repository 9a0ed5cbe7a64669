import { createHmac } from 'crypto';

import {
	buildZohoSigningString,
	isValidZohoSecretToken,
	verifyZohoSignature,
} from '../../lib/zoho/webhook-signature';

// Vectors computed outside this code base with
//   printf '%s' "<string>" | openssl dgst -sha256 -hmac ZohoSecret12345 [-hex | -binary | base64]
// from the strings the Zoho Billing KB's algorithm prescribes.
const SECRET = 'ZohoSecret12345';
const KB_BODY = '{"created_date":"2019-03-06","event_id":"5675"}';
const KB_STRING = 'namebasicsubscription_id90343{"created_date":"2019-03-06","event_id":"5675"}';
const KB_HEX = '835d4e296416bfd9e35cb06a32e53ac574fa083443f7e2d4fc8371b92653ecfa';
const KB_BASE64 = 'g11OKWQWv9njXLBqMuU6xXT6CDRD9+LU/INxuSZT7Po=';
const JSON_ONLY_BODY =
	'{"event_id":"2000000012345","event_type":"payment_thankyou","data":{"payment":{"amount":49.5}}}';
const JSON_ONLY_HEX = '88085c212864df442a6e07a9bd2026576a24dd1046fa1528473a202c4c5e6984';
const FORM_HEX = '9135c33482232be7adb782e258daf90b3ee2289e3512169a51ff1979823344f3';

describe('buildZohoSigningString', () => {
	it('reproduces the worked example of the Zoho Billing KB', () => {
		expect(buildZohoSigningString({ subscription_id: '90343', name: 'basic' }, KB_BODY)).toBe(
			KB_STRING,
		);
	});

	it('is just the raw body when there are no query or form pairs', () => {
		expect(buildZohoSigningString({}, JSON_ONLY_BODY)).toBe(JSON_ONLY_BODY);
	});

	it('sorts by key with plain code-unit order and keeps every value of a repeated key', () => {
		expect(buildZohoSigningString({ b: '2', a: ['z', 'y'], B: '1' }, '')).toBe('B1ayazb2');
	});
});

describe('verifyZohoSignature', () => {
	const base = { secret: SECRET, query: {}, formFields: {}, rawJsonBody: '' };

	it('accepts the KB example signed as lowercase hex, uppercase hex and base64', () => {
		const input = {
			...base,
			query: { subscription_id: '90343', name: 'basic' },
			rawJsonBody: KB_BODY,
		};
		expect(verifyZohoSignature({ ...input, signature: KB_HEX })).toBe(true);
		expect(verifyZohoSignature({ ...input, signature: KB_HEX.toUpperCase() })).toBe(true);
		expect(verifyZohoSignature({ ...input, signature: KB_BASE64 })).toBe(true);
		expect(verifyZohoSignature({ ...input, signature: ` ${KB_HEX} ` })).toBe(true);
	});

	it('accepts a JSON body without query parameters', () => {
		expect(
			verifyZohoSignature({ ...base, rawJsonBody: JSON_ONLY_BODY, signature: JSON_ONLY_HEX }),
		).toBe(true);
	});

	it('signs decoded form fields sorted by key, without a raw body', () => {
		const formFields = {
			event_type: 'payment_declined',
			customer_id: '9030000011111',
			amount: '49.50',
		};
		expect(verifyZohoSignature({ ...base, formFields, signature: FORM_HEX })).toBe(true);
	});

	it('rejects a missing, empty, truncated or foreign signature', () => {
		const input = { ...base, rawJsonBody: JSON_ONLY_BODY };
		expect(verifyZohoSignature({ ...input, signature: undefined })).toBe(false);
		expect(verifyZohoSignature({ ...input, signature: '' })).toBe(false);
		expect(verifyZohoSignature({ ...input, signature: JSON_ONLY_HEX.slice(0, 62) })).toBe(false);
		expect(verifyZohoSignature({ ...input, signature: 'not-a-signature' })).toBe(false);
		expect(verifyZohoSignature({ ...input, signature: KB_HEX })).toBe(false);
	});

	it('rejects the right signature made with another secret', () => {
		const other = createHmac('sha256', 'AnotherSecret99').update(JSON_ONLY_BODY).digest('hex');
		expect(verifyZohoSignature({ ...base, rawJsonBody: JSON_ONLY_BODY, signature: other })).toBe(
			false,
		);
	});

	it('rejects a body changed by one byte, and a query parameter added after signing', () => {
		expect(
			verifyZohoSignature({
				...base,
				rawJsonBody: JSON_ONLY_BODY.replace('49.5', '49.6'),
				signature: JSON_ONLY_HEX,
			}),
		).toBe(false);
		expect(
			verifyZohoSignature({
				...base,
				query: { x: '1' },
				rawJsonBody: JSON_ONLY_BODY,
				signature: JSON_ONLY_HEX,
			}),
		).toBe(false);
	});

	it('is byte-exact on the raw body: re-serialised JSON does not verify', () => {
		const reserialised = JSON.stringify(JSON.parse(KB_BODY), null, 1);
		expect(
			verifyZohoSignature({
				...base,
				query: { subscription_id: '90343', name: 'basic' },
				rawJsonBody: reserialised,
				signature: KB_HEX,
			}),
		).toBe(false);
	});
});

describe('isValidZohoSecretToken', () => {
	it('accepts 12 to 50 letters and digits only', () => {
		expect(isValidZohoSecretToken('a'.repeat(12))).toBe(true);
		expect(isValidZohoSecretToken('A1'.repeat(25))).toBe(true);
		expect(isValidZohoSecretToken('a'.repeat(11))).toBe(false);
		expect(isValidZohoSecretToken('a'.repeat(51))).toBe(false);
		expect(isValidZohoSecretToken('secret-with-dash')).toBe(false);
		expect(isValidZohoSecretToken('')).toBe(false);
	});
});
