import { EVENT_RESOURCE } from '../../../../../../../lib/zoho/resources';
import { resourceProperties } from '../lookup';
import type { ZohoBillingOperation } from '../node.type';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, ZohoBillingOperation> = { get, getAll };

export const description = resourceProperties(EVENT_RESOURCE, operations);
