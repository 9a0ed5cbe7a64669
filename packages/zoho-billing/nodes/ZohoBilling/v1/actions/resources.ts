import type { NodeResource } from '../../../../../../nodes/shared/operations';
import { resource as customer } from './customer/Customer.resource';
import { resource as event } from './event/Event.resource';
import { resource as invoice } from './invoice/Invoice.resource';
import { resource as plan } from './plan/Plan.resource';
import { resource as subscription } from './subscription/Subscription.resource';
import { resource as webhook } from './webhook/Webhook.resource';

/**
 * The node's resources, in the panel's (alphabetical) order: the one table its parameters and its
 * router are derived from (nodes/shared/operations.ts).
 */
export const resources: Record<string, NodeResource> = {
	customer,
	event,
	invoice,
	plan,
	subscription,
	webhook,
};

/** The resource a new node starts on. */
export const DEFAULT_RESOURCE = 'event';
