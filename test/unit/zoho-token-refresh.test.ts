import { refusedTokenRefresh } from '../../lib/zoho/token-refresh';

describe('refusedTokenRefresh', () => {
	it('reads a revoked refresh token as "reconnect"', () => {
		const refusal = refusedTokenRefresh({ access_token: 'old', error: 'invalid_code' });
		expect(refusal?.message).toBe(
			'Zoho Billing refused to renew the access token: reconnect the Zoho Billing credential',
		);
		expect(refusal?.zohoSaid).toBe('invalid_code');
	});

	it('reads Zoho’s limit on new tokens as "wait", with Zoho’s words', () => {
		const refusal = refusedTokenRefresh({
			error: 'Access Denied',
			error_description:
				'You have made too many requests continuously. Please try again after some time.',
		});
		expect(refusal?.message).toBe(
			'Zoho Billing is not issuing new access tokens to this connection right now',
		);
		expect(refusal?.description).toContain('about 10 new access tokens every 10 minutes');
	});

	it('finds nothing in token data without an error, or in no token data', () => {
		expect(refusedTokenRefresh({ access_token: 'a', expires_in: 3600 })).toBeUndefined();
		expect(refusedTokenRefresh({ error: '' })).toBeUndefined();
		expect(refusedTokenRefresh(undefined)).toBeUndefined();
	});
});
