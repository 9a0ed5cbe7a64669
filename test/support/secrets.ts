/**
 * The secrets check that closes every reliability suite: none of the secrets handed to n8n may appear
 * anywhere n8n writes: its logs (every process), its database (execution data, error messages,
 * everything stored unencrypted) and the error messages of failed executions.
 */
import type { ExampleEnvironment } from './example-environment';
import { secretsInPlay } from './example-environment';

export interface SecretsCheck {
	/** "secret name in place" for every leak found; empty when clean. */
	leaks: string[];
	/** How much text was searched, for the report. */
	bytesSearched: number;
}

/**
 * `knownInData` is a value the suite's executions certainly stored (a synced customer's email): finding
 * it proves the database text was really read, so "no secret found" means something.
 */
export async function checkForLeakedSecrets(
	environment: ExampleEnvironment,
	knownInData: string,
): Promise<SecretsCheck> {
	const failed = (await environment.executions()).filter(
		(execution) => execution.status !== 'success',
	);
	const errorData = await Promise.all(
		failed.slice(0, 200).map(async (execution) => (await environment.execution(execution.id)).data),
	);
	const places: Record<string, string> = {
		"n8n's log": environment.n8n.log(),
		"n8n's database": environment.n8n.dumpDatabase(),
		'failed executions as the REST API returns them': errorData.join('\n'),
	};
	if (!places["n8n's database"].includes(knownInData))
		throw new Error(`n8n's database text does not hold "${knownInData}": it was not read`);
	const leaks: string[] = [];
	for (const [secretName, secret] of Object.entries(secretsInPlay(environment.zoho))) {
		for (const [place, text] of Object.entries(places)) {
			if (text.includes(secret)) leaks.push(`${secretName} in ${place}`);
		}
	}
	return {
		leaks,
		bytesSearched: Object.values(places).reduce((sum, text) => sum + text.length, 0),
	};
}
