import { nodeVersion } from '../../../../../nodes/shared/version-description';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import * as listSearch from './methods/listSearch';

export class ZohoBillingV1 extends nodeVersion(versionDescription, router, { listSearch }) {}
