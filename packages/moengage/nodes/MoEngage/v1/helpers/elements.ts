import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MoEngageElement } from '../../../../../../lib/moengage/elements';
import type { OverLongPolicy } from '../../../../../../lib/moengage/validation';
import { sendToMoEngage, type PreparedItem } from '../../../../../../nodes/shared/moengage/send';
import type { ItemOutcome, NodeOperation } from '../../../../../../nodes/shared/operations';
import { readOverLongPolicy, readSendSettings } from './parameters';

/**
 * Thrown by `buildElements` for an item the user asked to leave out (e.g. a Zoho customer with no
 * email, under Skip Events Without Identifier): the item is output as skipped, with the reason, not
 * failed and not dropped silently.
 */
export class SkippedItem extends Error {}

/** What one input item becomes: MoEngage elements; `limits` collects warnings about the item. */
export type BuildElements = (
	this: IExecuteFunctions,
	itemIndex: number,
	limits: OverLongPolicy,
) => MoEngageElement[];

/**
 * The `execute` of an operation that tracks data (Create or Update a user, Track an event, Sync a
 * billing event): every item is first turned into MoEngage elements (validation errors stay with their
 * item), then the valid ones are sent together (nodes/shared/moengage/send.ts), so each gets
 * batching, retries and its own outcome: what was sent and how, why it was skipped, or its error.
 */
export function sendsElements(buildElements: BuildElements): NodeOperation['execute'] {
	return async function (this: IExecuteFunctions, itemIndexes: number[]): Promise<ItemOutcome[]> {
		const outcomes = new Map<number, ItemOutcome>();
		const prepared: PreparedItem[] = [];
		const warningsOf = new Map<number, string[]>();

		for (const itemIndex of itemIndexes) {
			try {
				const limits = readOverLongPolicy(this, itemIndex);
				prepared.push({ itemIndex, elements: buildElements.call(this, itemIndex, limits) });
				if (limits.warnings.length > 0) warningsOf.set(itemIndex, limits.warnings);
			} catch (error) {
				outcomes.set(
					itemIndex,
					error instanceof SkippedItem
						? { itemIndex, json: [{ status: 'skipped', reason: error.message }] }
						: { itemIndex, error: error as Error },
				);
				if (!(error instanceof SkippedItem) && !this.continueOnFail()) break;
			}
		}

		// Without Continue On Fail, an item that failed fails the node: nothing is sent.
		const failed = [...outcomes.values()].some((outcome) => 'error' in outcome);
		if (prepared.length > 0 && (this.continueOnFail() || !failed)) {
			const { sendMode, settings } = readSendSettings(this);
			const elementsOf = new Map(prepared.map((item) => [item.itemIndex, item.elements]));
			const sent = await sendToMoEngage.call(this, prepared, {
				sendMode,
				settings,
				stopAtFirstFailure: !this.continueOnFail(),
			});
			for (const outcome of sent) {
				const { itemIndex } = outcome;
				const warnings = warningsOf.get(itemIndex);
				outcomes.set(
					itemIndex,
					'error' in outcome
						? { itemIndex, error: outcome.error }
						: {
								itemIndex,
								json: [
									{
										...outcome.delivery,
										elements: elementsOf.get(itemIndex) as unknown as IDataObject[],
										...(warnings ? { warnings } : {}),
									},
								],
							},
				);
			}
		}
		if (warningsOf.size > 0) {
			this.addExecutionHints({
				message: `${warningsOf.size} item(s) held names or values longer than MoEngage keeps; they were cut to MoEngage's limits (see each item's "warnings", or set Options > Over-Long Values to Fail the Item)`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		return itemIndexes.flatMap((itemIndex) => outcomes.get(itemIndex) ?? []);
	};
}
