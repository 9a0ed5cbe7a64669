/**
 * The credential side of in-process workflow runs: hands decrypted credential data to n8n-core, reports
 * the credential's parent types (so n8n-core takes its real OAuth2 path for `oAuth2Api` children), applies
 * `authenticate` the way n8n does, and records token refreshes. Test-only code.
 */
import {
	NodeHelpers,
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeParameters,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { resolveCredentialValue } from './expression';

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Token data n8n-core stored after a refresh, per credential type. */
	readonly refreshedTokens: Record<string, ICredentialDataDecryptedObject> = {};

	/** How often each credential type was loaded (on a real n8n, each load is a database read). */
	readonly loads: Record<string, number> = {};

	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			const resolve = (value: unknown) => resolveCredentialValue(value, credentials);
			for (const [target, entries] of Object.entries(authenticate.properties) as Array<
				[keyof IHttpRequestOptions, Record<string, unknown>]
			>) {
				const existing = (requestOptions[target] ?? {}) as Record<string, unknown>;
				for (const [key, value] of Object.entries(entries)) existing[key] = resolve(value);
				(requestOptions as unknown as Record<string, unknown>)[target] = existing;
			}
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.loads[type] = (this.loads[type] ?? 0) + 1;
		// A copy: n8n-core mutates what it gets (token refresh), as a database round trip would isolate.
		const stored = JSON.parse(
			JSON.stringify(this.data[type] ?? {}),
		) as ICredentialDataDecryptedObject;
		// n8n fills every field of the credential's definition with its default, as here; it also drops
		// stored fields the definition lacks, which is not copied, since the parent oAuth2Api's fields
		// are not defined in-process.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.types[type]?.properties ?? [],
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		);
		return { ...stored, ...withDefaults } as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<never> {
		throw new Error('Not used by these tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.refreshedTokens[type] = data.oauthTokenData as ICredentialDataDecryptedObject;
		this.data[type] = { ...this.data[type], oauthTokenData: data.oauthTokenData };
	}

	getOAuth2Options() {
		return undefined;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}
}
