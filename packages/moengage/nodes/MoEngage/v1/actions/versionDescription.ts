import { actionVersionDescription } from '../../../../../../nodes/shared/version-description';
import { DEFAULT_RESOURCE, resources } from './resources';

/** What version 1 adds to the base description: its parameters, connections and credential. */
export const versionDescription = actionVersionDescription(1, resources, DEFAULT_RESOURCE, [
	{ name: 'moEngageApi', required: true },
]);
