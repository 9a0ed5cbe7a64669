import { InputError } from './input-error';

/**
 * How a service's API base URL follows from a credential: a value the user or the service supplied
 * (Zoho's token `api_domain`, MoEngage's "Custom API Base URL") wins when it is not blank; otherwise the
 * host comes from a data-center table. Either is trimmed of spaces and trailing slashes, a copy of the
 * API path the user may have typed is dropped, and the API path is appended.
 *
 * The nodes need this in TypeScript, and the credentials need it as an n8n expression (a credential's
 * test request cannot call functions). Both are produced here from one `BaseUrlRule`, so the two cannot
 * drift apart; a property test evaluates the expression with n8n's own engine against the function.
 */

export interface BaseUrlRule {
	/** The service's name, for the error about an unknown data center. */
	service: string;
	/** Path of the credential field that overrides the table, e.g. `oauthTokenData.api_domain`. */
	overrideField: string;
	/** The credential field holding the data-center ID. */
	dataCenterField: string;
	/** API host per data-center ID. */
	hosts: Readonly<Record<string, string>>;
	/** Appended to the host, e.g. `/billing/v1`. */
	apiPath: string;
}

/** The base URL for these credential values. Throws, naming the service, for an unknown data center. */
export function resolveBaseUrl(rule: BaseUrlRule, credentials: Record<string, unknown>): string {
	const override = valueAt(credentials, rule.overrideField);
	const given = typeof override === 'string' ? override.trim() : '';
	const dataCenter = String(credentials[rule.dataCenterField] ?? '');
	if (given === '' && !Object.prototype.hasOwnProperty.call(rule.hosts, dataCenter)) {
		const known = Object.keys(rule.hosts).join(', ');
		throw new InputError(
			`Unknown ${rule.service} data center "${dataCenter}": expected one of ${known}`,
		);
	}
	const host = given !== '' ? given : rule.hosts[dataCenter];
	return withApiPath(host, rule.apiPath);
}

/** `host` without trailing slashes or a trailing copy of `apiPath`, then `apiPath`. */
function withApiPath(host: string, apiPath: string): string {
	return host.trim().replace(/\/+$/, '').replace(trailing(apiPath), '') + apiPath;
}

/** A regular expression matching `text` at the end of a string. */
function trailing(text: string): RegExp {
	return new RegExp(`${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
}

function valueAt(source: Record<string, unknown>, path: string): unknown {
	let value: unknown = source;
	for (const key of path.split('.')) {
		value =
			typeof value === 'object' && value !== null
				? (value as Record<string, unknown>)[key]
				: undefined;
	}
	return value;
}

/**
 * `resolveBaseUrl` as an n8n expression over `$credentials`. An unknown data center yields a URL that
 * starts with "undefined", which the credential test then reports as a failed request.
 */
export function baseUrlExpression(rule: BaseUrlRule): string {
	const override = `String(${guardedPath('$credentials', rule.overrideField)} || "").trim()`;
	const host = `(${override} || (${JSON.stringify(rule.hosts)})[$credentials.${rule.dataCenterField}])`;
	const dropPath = `.replace(${String(trailing(rule.apiPath))}, "")`;
	return `={{ String(${host}).trim().replace(/\\/+$/, "")${dropPath} + ${JSON.stringify(rule.apiPath)} }}`;
}

/** `a.b.c` as `(a.b && a.b.c)` with every step guarded, so a missing parent yields undefined. */
function guardedPath(root: string, path: string): string {
	const steps: string[] = [];
	let current = root;
	for (const key of path.split('.')) {
		current = `${current}.${key}`;
		steps.push(current);
	}
	return `(${steps.join(' && ')})`;
}

/**
 * An n8n expression choosing one value of `table` by the credential's own field `field` (for hidden
 * credential fields, which see the credential as `$self`), followed by `suffix`.
 */
export function perDataCenterExpression(
	table: Readonly<Record<string, string>>,
	field: string,
	suffix: string,
): string {
	return `={{ (${JSON.stringify(table)})[$self[${JSON.stringify(field)}]] + ${JSON.stringify(suffix)} }}`;
}
