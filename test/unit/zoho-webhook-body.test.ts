import {
	parseZohoWebhookBody,
	queryPairsOf,
	readZohoWebhookBody,
} from '../../lib/zoho/webhook-body';

/** Both steps, as the trigger runs them once the signature is checked. */
function readAndParse(input: Parameters<typeof readZohoWebhookBody>[0]) {
	const received = readZohoWebhookBody(input);
	return received.ok ? parseZohoWebhookBody(received) : received;
}

describe('reading and parsing a webhook body', () => {
	it('reads a JSON body as text, for the signature, and parses it afterwards', () => {
		const raw = '{"event_type":"invoice_created","data":{"invoice":{"total":10}}}';
		const received = readZohoWebhookBody({
			rawBody: Buffer.from(raw),
			contentType: 'application/json; charset=utf-8',
		});
		expect(received).toEqual({ ok: true, format: 'json', text: raw, formFields: {} });
		expect(received.ok && parseZohoWebhookBody(received)).toEqual({
			ok: true,
			body: { event_type: 'invoice_created', data: { invoice: { total: 10 } } },
		});
	});

	it('reads malformed JSON without complaint: only the parse after the signature refuses it', () => {
		expect(readZohoWebhookBody({ rawBody: '{"a":', contentType: 'application/json' })).toEqual({
			ok: true,
			format: 'json',
			text: '{"a":',
			formFields: {},
		});
	});

	it('accepts JSON without a Content-Type header when it looks like an object', () => {
		const parsed = readAndParse({ rawBody: '{"a":1}', contentType: undefined });
		expect(parsed.ok && parsed.body).toEqual({ a: 1 });
	});

	it('reads form bodies as decoded pairs, and parses them expanding JSON-object fields', () => {
		const text =
			'event_type=payment_declined&amount=49.50&note=a%20b%2Bc&payload=%7B%22x%22%3A1%7D&tag=a&tag=b';
		const received = readZohoWebhookBody({
			rawBody: text,
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(received).toEqual({
			ok: true,
			format: 'form',
			text,
			formFields: {
				event_type: 'payment_declined',
				amount: '49.50',
				note: 'a b+c',
				payload: '{"x":1}',
				tag: ['a', 'b'],
			},
		});
		expect(received.ok && parseZohoWebhookBody(received)).toEqual({
			ok: true,
			body: {
				event_type: 'payment_declined',
				amount: '49.50',
				note: 'a b+c',
				payload: { x: 1 },
				tag: ['a', 'b'],
			},
		});
	});

	it.each([
		[
			'malformed JSON',
			'{"event_type":',
			'application/json',
			400,
			'The request body is not valid JSON',
		],
		[
			'a JSON array',
			'[1,2]',
			'application/json',
			400,
			'The request body must be a JSON object, got an array',
		],
		[
			'a JSON string',
			'"hello"',
			'application/json',
			400,
			'The request body must be a JSON object, got a string',
		],
		[
			'JSON null',
			'null',
			'application/json',
			400,
			'The request body must be a JSON object, got null',
		],
		['an empty body', '', 'application/json', 400, 'The request body is empty'],
		['whitespace only', '  \n ', 'application/json', 400, 'The request body is empty'],
		[
			'an empty form',
			'&&',
			'application/x-www-form-urlencoded',
			400,
			'The form body holds no fields',
		],
		['XML', '<event/>', 'application/xml', 415, 'Unsupported Content-Type "application/xml"'],
		['plain text', 'hello', 'text/plain', 415, 'Unsupported Content-Type "text/plain"'],
		['no content type and no JSON', 'a=b', undefined, 415, 'Unsupported Content-Type "(none)"'],
	])('refuses %s with a clear %s', (_case, rawBody, contentType, status, message) => {
		const parsed = readAndParse({ rawBody, contentType });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.status).toBe(status);
		expect(parsed.message).toContain(message);
	});
});

describe('queryPairsOf', () => {
	it('returns decoded query pairs of a request URL, repeated keys kept', () => {
		expect(
			queryPairsOf('/webhook/abc/webhook?name=basic&subscription_id=90343&x=1&x=2&s=a%26b'),
		).toEqual({
			name: 'basic',
			subscription_id: '90343',
			x: ['1', '2'],
			s: 'a&b',
		});
		expect(queryPairsOf('/webhook/abc/webhook')).toEqual({});
	});
});
