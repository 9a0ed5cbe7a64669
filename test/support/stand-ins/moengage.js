// @ts-check
/**
 * A MoEngage Data API stand-in following MoEngage's documentation (api/data/data.yaml,
 * data-overview.mdx):
 * - HTTP Basic `<workspace id>:<data api key>`; wrong key → 401 "Authentication required".
 * - The workspace in the path must match the Basic username → 409.
 * - JSON bodies only (415 otherwise, 400 for malformed JSON); size caps: 128 KB for Track User /
 *   Create Event, 100 KB for Bulk Import (enforced here as 102,400 bytes, the looser reading).
 * - `type` must be lowercase; users need `customer_id` (or, in identity-resolution mode, an activated
 *   identifier among the attributes); events need non-empty `actions` with `action` names.
 * - Answers `{"status":"success",...}` or `{"status":"fail","error":{type,message,request_id}}`.
 * - Delete Users and Merge Users (`/v1/customer/delete|merge?app_id=`) as documented: one user per
 *   delete, 400 "Not Found" for an unknown one; at most 50 pairs per merge.
 * - Faults on demand: `setChaos()` for seeded random 500s, 429s with MoEngage's `x-ratelimit-*`
 *   headers and stalled answers. Scripted faults and outages use `failNext()` from http-stand-in.js.
 * Test-only (see http-stand-in.js for why this is JavaScript).
 */
const { HttpStandIn } = require('./http-stand-in');

const MOENGAGE_WORKSPACE_ID = 'EXAMPLEWORKSPACE01';
const MOENGAGE_API_KEY = 'example-data-api-key-01';
/** The Authorization header a request with these credentials carries (Basic workspace ID : key). */
const MOENGAGE_AUTHORIZATION = `Basic ${Buffer.from(`${MOENGAGE_WORKSPACE_ID}:${MOENGAGE_API_KEY}`).toString('base64')}`;
const TRACK_MAX_BYTES = 128 * 1024;
const BULK_MAX_BYTES = 100 * 1024;

/**
 * @typedef {import('./http-stand-in').RecordedRequest} RecordedRequest
 * @typedef {import('./http-stand-in').Reply} Reply
 */

let requestSerial = 0;
const requestId = () => `req${String(++requestSerial).padStart(6, '0')}`;
/** @param {number} status @param {string} type @param {string} message @returns {Reply} */
const failure = (status, type, message) => ({
	status,
	body: { status: 'fail', error: { type, message, request_id: requestId() } },
});

class MoEngageStandIn extends HttpStandIn {
	constructor() {
		super((request) => this.route(request));
		/** Identity-resolution identifiers activated in the workspace; empty means customer_id is required. */
		/** @type {string[]} */
		this.identifiers = [];
		/** Every user update accepted, in order. @type {any[]} */
		this.users = [];
		/** Every event accepted, in order. @type {any[]} */
		this.events = [];
		/**
		 * The users MoEngage holds, by customer ID (or identity-resolution value), with their attributes.
		 * A user update creates one unless it says `update_existing_only` (data.yaml
		 * `CreateUserRequest`); an event creates its user if missing (data-overview.mdx).
		 * @type {Map<string, Record<string, unknown>>}
		 */
		this.profiles = new Map();
		/**
		 * Bulk Import elements MoEngage answered 200 for but did not process: "All bulk API requests
		 * return a 200 response code. Debugging should be done on the user profile" (data.yaml,
		 * /transition). Tests read it as the dashboard would show it. @type {Array<{ element: any, problem: string }>}
		 */
		this.droppedElements = [];
		/** Every user Delete Users accepted. @type {Array<{ identity_type: string, identity_value: string }>} */
		this.deletedUsers = [];
		/** Users within Delete Users' 24-hour buffer: still active. @type {Set<string>} */
		this.pendingDeletion = new Set();
		/** Every pair Merge Users merged. @type {Array<{ retained_user: string, merged_user: string }>} */
		this.mergedUsers = [];
		/**
		 * The Test Connection API's answer to credentials it refuses: documented as 401, and as a 200
		 * whose `status` is not success (data.yaml /integrations/authentication). @type {'401' | '200-error' | '200-fail'}
		 */
		this.testConnectionRefusal = '401';
		/** Elements accepted, kept or not. */
		this.accepted = 0;
		/**
		 * Random faults, reproducible from `seed`: `failureRate` of requests get a 500 or a 429 with
		 * MoEngage's rate-limit headers (half each), `stallRate` are processed but answered only after
		 * `stallMs`. Off when undefined.
		 * @type {{ failureRate: number, stallRate: number, stallMs: number, seed: number } | undefined}
		 */
		this.chaos = undefined;
		/** Faults injected so far, by kind. */
		this.faultsInjected = { serverError: 0, rateLimited: 0, stalled: 0 };
		/** @type {() => number} */
		this.random = Math.random;
	}

	/** @param {{ failureRate: number, stallRate: number, stallMs: number, seed: number }} chaos */
	setChaos(chaos) {
		this.chaos = chaos;
		this.random = mulberry32(chaos.seed);
	}

	/** The fault this request meets, if any. @returns {Reply | undefined} */
	injectedFault() {
		if (!this.chaos) return undefined;
		const draw = this.random();
		if (draw < this.chaos.failureRate / 2) {
			this.faultsInjected.serverError++;
			return failure(500, 'ServerError', 'Internal Server Error');
		}
		if (draw < this.chaos.failureRate) {
			this.faultsInjected.rateLimited++;
			return {
				...failure(
					429,
					'RateLimitError',
					'Rate limits for customers exceeded. Please Try After Some Time',
				),
				headers: {
					'x-ratelimit-limit': '10000',
					'x-ratelimit-remaining': '0',
					'x-ratelimit-reset': '1',
				},
			};
		}
		return undefined;
	}

	/** @param {RecordedRequest} request @returns {Reply} */
	route(request) {
		const fault = this.injectedFault();
		if (fault) return fault;
		const stalled = this.chaos !== undefined && this.random() < this.chaos.stallRate;
		const reply = this.answer(request);
		if (!stalled) return reply;
		this.faultsInjected.stalled++;
		return { ...reply, delayMs: this.chaos?.stallMs };
	}

	/** @param {RecordedRequest} request @returns {Reply} */
	answer(request) {
		if (request.method !== 'POST') return failure(405, 'MethodNotAllowed', 'Method not allowed');
		const auth = request.headers.authorization ?? '';
		const [scheme, encoded] = auth.split(' ');
		const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
			.toString('utf8')
			.split(':');
		if (scheme !== 'Basic' || !encoded)
			return failure(401, 'Authentication required', 'Authentication Header Required');
		// The Test Connection API judges the workspace and key in its body itself (testConnection).
		if (request.path === '/v1/integrations/authentication' && typeof request.body === 'object')
			return this.testConnection(request);
		if (user !== MOENGAGE_WORKSPACE_ID)
			return failure(
				401,
				'Authentication required',
				'Invalid APP_ID used in Authentication Header',
			);
		if (rest.join(':') !== MOENGAGE_API_KEY) {
			return failure(
				401,
				'Authentication required',
				'App Secret key mismatch. Please login to the dashboard to verify key',
			);
		}
		if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
			return failure(415, 'MediaTypeError', 'Unsupported Media Type');
		if (typeof request.body !== 'object' || request.body === null) {
			return failure(
				400,
				'Malformed JSON',
				'Could not decode the request body. The JSON was incorrect or not encoded as UTF-8.',
			);
		}

		if (request.path === '/v1/integrations/authentication') return this.testConnection(request);
		// Delete Users and Merge Users take the workspace as `?app_id=` (data.yaml /customer/delete,
		// /customer/merge): 400 when it is missing, 409 when it is not the Basic username.
		if (request.path === '/v1/customer/delete' || request.path === '/v1/customer/merge') {
			if (request.query.app_id === undefined)
				return failure(400, 'ParamsRequired', 'app_id is required in path/query params.');
			if (request.query.app_id !== user)
				return failure(
					409,
					'Authentication required.',
					'App key mismatch in params and authentication.',
				);
			if (Buffer.byteLength(request.rawBody) > TRACK_MAX_BYTES)
				return failure(413, 'PayloadTooLarge', 'The payload can not exceed 128KB');
			return request.path === '/v1/customer/delete'
				? this.deleteUser(request.body)
				: this.mergeUsers(request.body);
		}
		const match = /^\/v1\/(customer|event|transition)\/([^/]+)$/.exec(request.path);
		if (!match) return failure(404, 'NotFound', 'Not found');
		const [, endpoint, workspace] = match;
		if (workspace !== user)
			return failure(409, 'Conflict', 'App key mismatch in params and authentication');
		const bytes = Buffer.byteLength(request.rawBody);
		const cap = endpoint === 'transition' ? BULK_MAX_BYTES : TRACK_MAX_BYTES;
		if (bytes > cap)
			return failure(413, 'PayloadTooLarge', `Payload size exceeds ${cap / 1024} KB`);

		const body = request.body;
		if (endpoint === 'transition') {
			if (body.type !== 'transition')
				return failure(400, 'AttributeError', "type should be 'transition'");
			if (!Array.isArray(body.elements) || body.elements.length === 0)
				return failure(400, 'AttributeError', 'elements cannot be empty array');
			// Each element is checked on its own, after the 200: a bad one is dropped, not reported.
			for (const element of body.elements) {
				const problem = this.check(element);
				if (problem) this.droppedElements.push({ element, problem });
				else this.accept(element);
			}
		} else {
			const expected = endpoint === 'customer' ? 'customer' : 'event';
			if (body.type !== expected)
				return failure(400, 'AttributeError', `type should be '${expected}'`);
			const problem = this.check(body);
			if (problem) return failure(400, 'MissingAttributeError', problem);
			this.accept(body);
		}
		return {
			status: 200,
			body: {
				status: 'success',
				message: 'Your request has been accepted and will be processed soon.',
				request_id: requestId(),
			},
		};
	}

	/** @param {any} element @returns {string | undefined} */
	check(element) {
		if (element?.type === 'customer') {
			const hasIdentifier = this.identifiers.some(
				(name) => typeof element.attributes?.[name] === 'string' && element.attributes[name] !== '',
			);
			if (!hasIdentifier && (typeof element.customer_id !== 'string' || element.customer_id === ''))
				return 'customer_id is not found in the payload';
			if (
				element.attributes !== undefined &&
				(typeof element.attributes !== 'object' || Array.isArray(element.attributes))
			)
				return 'attributes must be an object';
			return undefined;
		}
		if (element?.type === 'event') {
			const identifiers = element.user_identifiers ?? {};
			const hasIdentifier = this.identifiers.some(
				(name) => typeof identifiers[name] === 'string' && identifiers[name] !== '',
			);
			if (!hasIdentifier && (typeof element.customer_id !== 'string' || element.customer_id === ''))
				return 'customer_id is not found in the payload';
			if (!Array.isArray(element.actions) || element.actions.length === 0)
				return 'actions can not be empty Array';
			if (
				element.actions.some(
					(/** @type {any} */ action) => typeof action.action !== 'string' || action.action === '',
				)
			)
				return 'action is not found in the payload';
			return undefined;
		}
		return 'type in elements should be customer/event/device';
	}

	/** @param {any} element */
	accept(element) {
		this.accepted++;
		if (!this.recordRequests) return;
		if (element.type === 'customer') this.users.push(element);
		else this.events.push(element);
		this.updateProfile(element);
	}

	/** Who an element is about: its customer ID, else its identity-resolution identifier. @param {any} element */
	userOf(element) {
		if (typeof element.customer_id === 'string' && element.customer_id !== '')
			return element.customer_id;
		const identifiers = element.type === 'event' ? element.user_identifiers : element.attributes;
		const name = this.identifiers.find((candidate) => identifiers?.[candidate]);
		return name ? String(identifiers[name]) : undefined;
	}

	/**
	 * Delete Users (data.yaml /customer/delete): one user per request, by `customer_id` or
	 * `moengage_id`; an unknown user is a 400 "Not Found". MoEngage keeps the user active for a 24-hour
	 * buffer before the hard delete, and a repeat within it is accepted again: here the profile stays
	 * (marked `pendingDeletion`) and every accepted request is recorded in `deletedUsers`.
	 * @param {any} body @returns {Reply}
	 */
	deleteUser(body) {
		const type = body.identity_type;
		const value = body.identity_value;
		if (type !== 'customer_id' && type !== 'moengage_id')
			return failure(400, 'InvalidParams', 'identity_type must be customer_id or moengage_id');
		if (typeof value !== 'string' || value === '')
			return failure(400, 'InvalidParams', 'identity_value is required');
		if (!this.profiles.has(value))
			return failure(400, 'Not Found', `User doesn't exists with customer id ${value}`);
		this.pendingDeletion.add(value);
		this.deletedUsers.push({ identity_type: type, identity_value: value });
		return {
			status: 200,
			body: {
				status: 'success',
				message: 'Your request has been accepted and will be processed soon.',
			},
		};
	}

	/**
	 * Merge Users (data.yaml /customer/merge): `merge_data`, at most 50 pairs of `retained_user` and
	 * `merged_user` (customer IDs, strings); the merged user's attributes move to the retained one.
	 * Disabled in identity-resolution workspaces. "If the merging of any user fails in the array, it
	 * will skip that object and continue with others": a pair whose merged user does not exist is
	 * skipped, and the call still answers `{ status: "success", operation: "created" }`.
	 * @param {any} body @returns {Reply}
	 */
	mergeUsers(body) {
		if (this.identifiers.length > 0)
			return failure(
				400,
				'InvalidParams',
				'Merge User API is not supported with Identity Resolution',
			);
		const pairs = body.merge_data;
		if (!Array.isArray(pairs) || pairs.length === 0)
			return failure(400, 'MissingAttributeError', 'merge_data can not be empty Array');
		if (pairs.length > 50)
			return failure(400, 'LimitBreached', 'A maximum of 50 users can be merged in a single call');
		for (const pair of pairs) {
			for (const key of ['retained_user', 'merged_user']) {
				if (typeof pair?.[key] !== 'string')
					return failure(
						400,
						'MissingAttributeError',
						`${key} is expected to be String or Unicode String.`,
					);
			}
		}
		for (const { retained_user: retained, merged_user: merged } of pairs) {
			const kept = this.profiles.get(retained);
			const gone = this.profiles.get(merged);
			if (gone === undefined) continue;
			this.profiles.set(retained, { ...gone, ...kept });
			this.profiles.delete(merged);
			this.mergedUsers.push({ retained_user: retained, merged_user: merged });
		}
		return { status: 200, body: { status: 'success', operation: 'created' } };
	}

	/** @param {any} element */
	updateProfile(element) {
		const user = this.userOf(element);
		if (user === undefined) return;
		const existing = this.profiles.get(user);
		if (element.type === 'event') {
			if (!existing) this.profiles.set(user, { created_by: 'event' });
			return;
		}
		if (!existing && element.update_existing_only === true) return;
		this.profiles.set(user, { ...existing, ...element.attributes });
	}

	/** @param {RecordedRequest} request @returns {Reply} */
	testConnection(request) {
		const { app_id: appId, app_secret: appSecret, source, region } = request.body;
		if (!appId || !appSecret || !source || !region)
			return failure(
				400,
				'MissingAttributeError',
				'app_id, app_secret, source and region are required',
			);
		if (
			request.headers['moe-appkey'] !== appId ||
			appId !== MOENGAGE_WORKSPACE_ID ||
			appSecret !== MOENGAGE_API_KEY
		) {
			const refused = failure(
				401,
				'Authentication required',
				'App Secret key mismatch. Please login to the dashboard to verify key',
			);
			if (this.testConnectionRefusal === '401') return refused;
			const body = /** @type {{ error: unknown }} */ (refused.body);
			return {
				status: 200,
				body: { status: this.testConnectionRefusal === '200-error' ? 'error' : 'fail', ...body },
			};
		}
		return { status: 200, body: { status: 'success', app_name: 'Example Workspace' } };
	}
}

/** A small seeded random generator, so a fault run can be repeated exactly. @param {number} seed */
function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = {
	MoEngageStandIn,
	MOENGAGE_WORKSPACE_ID,
	MOENGAGE_API_KEY,
	MOENGAGE_AUTHORIZATION,
};
