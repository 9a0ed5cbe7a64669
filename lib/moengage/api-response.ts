/**
 * MoEngage answers `{"status":"success", ...}` or `{"status":"fail","error":{type, message, request_id}}`
 * (data-overview.mdx). A 2xx is not enough: the `status` field decides. Delete Users documents its 429
 * and 5xx answers as `{"status":"fail","title":…,"description":…}` instead (data.yaml
 * /customer/delete); those read as type `title`, message `description`.
 */
export interface MoEngageFailure {
	type: string;
	message: string;
	requestId?: string;
	attribute?: string;
}

export function moEngageFailureOf(body: unknown): MoEngageFailure | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return {
			type: 'UnexpectedResponse',
			message: `MoEngage returned ${body === undefined || body === '' ? 'an empty response' : 'a response that is not JSON'}`,
		};
	}
	const record = body as Record<string, unknown>;
	if (record.status === 'success') return undefined;
	const error = (
		typeof record.error === 'object' && record.error !== null ? record.error : {}
	) as Record<string, unknown>;
	const titled = typeof record.title === 'string' && record.title !== '';
	return {
		type: typeof error.type === 'string' ? error.type : titled ? String(record.title) : 'Error',
		message:
			typeof error.message === 'string' && error.message !== ''
				? error.message
				: titled && typeof record.description === 'string'
					? record.description
					: `MoEngage answered status "${String(record.status ?? 'missing')}"`,
		...(typeof error.request_id === 'string' ? { requestId: error.request_id } : {}),
		...(typeof error.attribute === 'string' ? { attribute: error.attribute } : {}),
	};
}
