import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression } from '../../../lib/base-url-rule';
import {
	DEFAULT_MOENGAGE_DATA_CENTER,
	MOENGAGE_BASE_URL,
	MOENGAGE_DATA_CENTERS,
} from '../../../lib/moengage/data-centers';
import { releaseFieldProperty } from '../../../lib/release';

export class MoEngageApi implements ICredentialType {
	name = 'moEngageApi';

	displayName = 'MoEngage API';

	icon: Icon = { light: 'file:../icons/moengage.svg', dark: 'file:../icons/moengage.dark.svg' };

	// A literal, as n8n's lint requires; test/nodes/names-and-docs.test.ts checks it against lib/docs-links.ts.
	documentationUrl =
		'https://github.com/n8n-nodes-zoho-billing-moengage/n8n-nodes-zoho-billing-moengage#moengage-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			required: true,
			description: 'MoEngage dashboard: Settings > Account > APIs > Workspace ID (formerly App ID)',
		},
		{
			displayName: 'Data API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'MoEngage dashboard: Settings > Account > APIs > API keys > Data',
		},
		{
			displayName: 'Data Center',
			name: 'dataCenter',
			type: 'options',
			options: MOENGAGE_DATA_CENTERS.map((dataCenter) => ({
				name: dataCenter.displayName,
				value: dataCenter.id,
			})),
			default: DEFAULT_MOENGAGE_DATA_CENTER,
			description: 'The number in your dashboard address: dashboard-02.moengage.com means DC-02',
		},
		{
			displayName: 'Custom API Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com/moengage',
			description:
				"Leave empty. Only for a proxy in front of MoEngage or MoEngage's legacy hosts (e.g. https://api-eu.moengage.com); overrides the data center. With or without the trailing /v1: both work.",
		},
		// Which release defined this credential: the nodes check it (lib/release.ts).
		releaseFieldProperty,
	];

	/**
	 * HTTP Basic with workspace ID and Data API key. MOE-APPKEY (the workspace ID) is required by the
	 * test-connection call and harmless on the others, so it is always sent.
	 *
	 * A function rather than the declarative `{{$credentials…}}` form: n8n evaluates each declarative
	 * value as an expression on every request (in its expression sandbox on n8n 2.x), three per call
	 * here, while a function only copies two strings. The result is the same `auth` and header.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const workspaceId = String(credentials.workspaceId ?? '');
		return {
			...requestOptions,
			auth: { username: workspaceId, password: String(credentials.apiKey ?? '') },
			headers: { ...requestOptions.headers, 'MOE-APPKEY': workspaceId },
		};
	}

	// MoEngage's Test Connection API: answers {"status":"success","app_name":...} for valid credentials.
	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(MOENGAGE_BASE_URL),
			url: '/integrations/authentication',
			method: 'POST',
			body: {
				app_id: '={{$credentials.workspaceId}}',
				app_secret: '={{$credentials.apiKey}}',
				source: 'n8n',
				region: '={{$credentials.dataCenter}}',
			},
		},
		// MoEngage may refuse with a 401, or with a 200 whose status is not success: "fail" (its error
		// envelope, data-overview.mdx) or "error" (the Test Connection API, data.yaml).
		rules: ['fail', 'error'].map((value) => ({
			type: 'responseSuccessBody',
			properties: {
				key: 'status',
				value,
				message: 'MoEngage did not accept the workspace ID and Data API key',
			},
		})),
	};
}
