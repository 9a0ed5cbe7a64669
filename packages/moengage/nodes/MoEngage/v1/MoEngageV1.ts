import { nodeVersion } from '../../../../../nodes/shared/version-description';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class MoEngageV1 extends nodeVersion(versionDescription, router) {}
