/**
 * An output schema (the JSON shape n8n shows as a node's output preview before it has run) inferred
 * from real output items: every key any item has, with its JSON type; arrays by their elements. A key
 * that only ever holds null is left out (n8n shows nothing useful for it). A key whose values differ in
 * type (a Zoho custom field's `value`: text, a number or true/false) takes the first value's type, as
 * the preview can show only one. Test-only code.
 */
export interface OutputSchema {
	type: string;
	properties?: Record<string, OutputSchema>;
	items?: OutputSchema;
}

const jsonType = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** The schema describing every value given, or undefined when none has a value. */
export function inferOutputSchema(values: unknown[], path = '$'): OutputSchema | undefined {
	const present = values.filter((value) => value !== null && value !== undefined);
	if (present.length === 0) return undefined;
	const type = jsonType(present[0]);
	if (type === 'array' || type === 'object') {
		const other = present.find((value) => jsonType(value) !== type);
		if (other !== undefined)
			throw new Error(`${path} holds both ${type} and ${jsonType(other)} values in the outputs`);
	}
	if (type === 'array') {
		const items = inferOutputSchema((present as unknown[][]).flat(), `${path}[]`);
		return items ? { type, items } : { type };
	}
	if (type !== 'object') return { type };
	const objects = present as Array<Record<string, unknown>>;
	const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
	const properties: Record<string, OutputSchema> = {};
	for (const key of keys) {
		const child = inferOutputSchema(
			objects.map((object) => object[key]),
			`${path}.${key}`,
		);
		if (child) properties[key] = child;
	}
	return { type, properties };
}

/** The schema as its file holds it: tab-indented JSON and a final newline, as Prettier writes it. */
export function outputSchemaFile(schema: OutputSchema): string {
	return `${JSON.stringify(schema, null, '\t')}\n`;
}
