import { LOOKUP_RESOURCES } from '../../../../../lib/zoho/resources';
import { lookupResource } from '../lookup';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const { operations, description } = lookupResource(LOOKUP_RESOURCES.plan, { get, getAll });
