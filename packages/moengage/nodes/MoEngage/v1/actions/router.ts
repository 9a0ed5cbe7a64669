import type { IExecuteFunctions, INodeExecutionData, IDataObject } from 'n8n-workflow';

import { findOperation } from '../../../../../../nodes/shared/find-operation';
import { itemError } from '../../../../../../nodes/shared/item-error';
import { readOverLongPolicy, readSendSettings } from '../helpers/parameters';
import { sendToMoEngage, type PreparedItem } from '../../../../../../nodes/shared/moengage/send';
import * as event from './event/Event.resource';
import { SkippedItem, type MoEngageOperation, type MoEngageUserCareOperation } from './node.type';
import * as user from './user/User.resource';
import * as zohoBillingEvent from './zohoBillingEvent/ZohoBillingEvent.resource';

const resources: Record<string, Record<string, MoEngageOperation>> = {
	user: user.operations,
	event: event.operations,
	zohoBillingEvent: zohoBillingEvent.operations,
};

/**
 * Every item is first turned into MoEngage elements (validation errors stay with their item), then
 * the valid ones are sent together (transport/send.ts). Each input item gets exactly one output
 * item, paired to it, in input order: what was sent and how, why it was skipped, or its error.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation(this, resources);
	if ('run' in operation) return [await runUserCare.call(this, operation, items.length)];

	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const prepared: PreparedItem[] = [];
	const warningsOf = new Map<number, string[]>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const limits = readOverLongPolicy(this, itemIndex);
			prepared.push({ itemIndex, elements: operation.buildElements.call(this, itemIndex, limits) });
			if (limits.warnings.length > 0) warningsOf.set(itemIndex, limits.warnings);
		} catch (error) {
			results[itemIndex] =
				error instanceof SkippedItem
					? { json: { status: 'skipped', reason: error.message }, pairedItem: { item: itemIndex } }
					: itemError(this, error as Error, itemIndex);
		}
	}

	if (prepared.length > 0) {
		const { sendMode, settings } = readSendSettings(this);
		const elementsOf = new Map(prepared.map((item) => [item.itemIndex, item.elements]));
		const outcomes = await sendToMoEngage.call(this, prepared, {
			sendMode,
			settings,
			stopAtFirstFailure: !this.continueOnFail(),
		});
		for (const outcome of outcomes) {
			const { itemIndex } = outcome;
			const warnings = warningsOf.get(itemIndex);
			results[itemIndex] =
				'error' in outcome
					? itemError(this, outcome.error, itemIndex)
					: {
							json: {
								...outcome.delivery,
								elements: elementsOf.get(itemIndex) as unknown as IDataObject[],
								...(warnings ? { warnings } : {}),
							},
							pairedItem: { item: itemIndex },
						};
		}
	}
	if (warningsOf.size > 0) {
		this.addExecutionHints({
			message: `${warningsOf.size} item(s) held names or values longer than MoEngage keeps; they were cut to MoEngage's limits (see each item's "warnings", or set Options > Over-Long Values to Fail the Item)`,
			type: 'warning',
			location: 'outputPane',
		});
	}

	return [results.filter((result): result is INodeExecutionData => result !== undefined)];
}

/** Delete and Merge: each item's outcome, paired to it, in input order (errors per Continue On Fail). */
async function runUserCare(
	this: IExecuteFunctions,
	operation: MoEngageUserCareOperation,
	itemCount: number,
): Promise<INodeExecutionData[]> {
	const { settings } = readSendSettings(this);
	const indexes = Array.from({ length: itemCount }, (_, index) => index);
	const outcomes = await operation.run.call(this, indexes, settings);
	return outcomes.map((outcome) =>
		'error' in outcome
			? itemError(this, outcome.error, outcome.itemIndex)
			: { json: outcome.json, pairedItem: { item: outcome.itemIndex } },
	);
}
