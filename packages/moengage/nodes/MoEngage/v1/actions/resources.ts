import type { NodeResource } from '../../../../../../nodes/shared/operations';
import { resource as event } from './event/Event.resource';
import { resource as user } from './user/User.resource';
import { resource as zohoBillingEvent } from './zohoBillingEvent/ZohoBillingEvent.resource';

/**
 * The node's resources, in the panel's (alphabetical) order: the one table its parameters and its
 * router are derived from (nodes/shared/operations.ts).
 */
export const resources: Record<string, NodeResource> = { event, user, zohoBillingEvent };

/** The resource a new node starts on: the Zoho Billing preset, the package's reason to be. */
export const DEFAULT_RESOURCE = 'zohoBillingEvent';
