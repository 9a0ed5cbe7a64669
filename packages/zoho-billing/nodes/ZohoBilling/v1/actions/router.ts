import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findOperation } from '../../../../../../nodes/shared/find-operation';
import { itemError } from '../../../../../../nodes/shared/item-error';
import { requireZohoScopes } from '../../../../../../nodes/shared/zoho-billing/client';
import * as customer from './customer/Customer.resource';
import * as event from './event/Event.resource';
import * as invoice from './invoice/Invoice.resource';
import type { ZohoBillingOperation } from './node.type';
import * as plan from './plan/Plan.resource';
import * as subscription from './subscription/Subscription.resource';
import * as webhook from './webhook/Webhook.resource';

const resources: Record<string, Record<string, ZohoBillingOperation>> = {
	customer: customer.operations,
	event: event.operations,
	invoice: invoice.operations,
	plan: plan.operations,
	subscription: subscription.operations,
	webhook: webhook.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const operation = findOperation(this, resources);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (operation.scopes) await requireZohoScopes.call(this, operation.scopes, itemIndex);
			const output = await operation.execute.call(this, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			returnData.push(itemError(this, error as Error, itemIndex));
		}
	}

	return [returnData];
}
