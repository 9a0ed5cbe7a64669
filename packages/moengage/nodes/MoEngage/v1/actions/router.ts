import { router as routerOf } from '../../../../../../nodes/shared/operations';
import { resources } from './resources';

/** The node's : the chosen operation on every input item (nodes/shared/operations.ts). */
export const router = routerOf(resources);
