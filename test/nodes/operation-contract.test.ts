/**
 * The one operation contract (nodes/shared/operations.ts) as both action nodes use it: operations
 * declare only their own parameters, and each node's parameters are derived from its table of
 * resources with the resource and operation conditions added once, first.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	nodeProperties,
	updateDisplayOptions,
	type NodeResource,
} from '../../nodes/shared/operations';
import { resources as moEngageResources } from '../../packages/moengage/nodes/MoEngage/v1/actions/resources';
import { resources as zohoBillingResources } from '../../packages/zoho-billing/nodes/ZohoBilling/v1/actions/resources';

const NODES: Array<[string, Record<string, NodeResource>]> = [
	['Zoho Billing', zohoBillingResources],
	['MoEngage', moEngageResources],
];

/** Every property at any depth (collections and fixed collections hold more). */
function everyProperty(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...(
			(property.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>
		).flatMap((option) =>
			'values' in option && option.values
				? everyProperty(option.values)
				: 'type' in option
					? everyProperty([option as INodeProperties])
					: [],
		),
	]);
}

describe.each(NODES)('%s operations', (_node, resources) => {
	const operations = Object.entries(resources).flatMap(([resource, { operations }]) =>
		Object.entries(operations).map(([operation, definition]) => ({
			resource,
			operation,
			definition,
		})),
	);

	it('declare no resource or operation condition of their own (the node adds them once)', () => {
		const written = operations.flatMap(({ resource, operation, definition }) =>
			everyProperty(definition.properties)
				.filter(
					(property) =>
						property.displayOptions?.show?.resource !== undefined ||
						property.displayOptions?.show?.operation !== undefined ||
						property.displayOptions?.hide?.resource !== undefined,
				)
				.map((property) => `${resource} ${operation}: ${property.name}`),
		);
		expect(written).toEqual([]);
	});

	it("each appear in its resource's picker, and its parameters only under it", () => {
		const properties = nodeProperties(resources, Object.keys(resources)[0]);
		for (const { resource, operation, definition } of operations) {
			const picker = properties.find(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource as string[])[0] === resource,
			);
			expect(picker?.options).toContainEqual(
				expect.objectContaining({ value: operation, name: definition.option.name }),
			);
			const own = properties.filter(
				(property) =>
					(property.displayOptions?.show?.operation as string[] | undefined)?.[0] === operation &&
					(property.displayOptions?.show?.resource as string[])[0] === resource,
			);
			expect(own.map((property) => property.name)).toEqual(
				definition.properties.map((property) => property.name),
			);
		}
	});
});

describe('updateDisplayOptions', () => {
	it("puts the resource and operation first and keeps the property's own conditions after them", () => {
		const [property] = updateDisplayOptions({ resource: ['invoice'], operation: ['getAll'] }, [
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				displayOptions: { show: { returnAll: [false] }, hide: { mode: ['x'] } },
			},
		]);
		expect(property.displayOptions).toEqual({
			show: { resource: ['invoice'], operation: ['getAll'], returnAll: [false] },
			hide: { mode: ['x'] },
		});
		expect(Object.keys(property.displayOptions!.show!)).toEqual([
			'resource',
			'operation',
			'returnAll',
		]);
	});
});
