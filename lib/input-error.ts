/**
 * Bad input: a parameter or a field of an item that the services would refuse or mangle. Its message
 * names the field and what was expected; the nodes turn it into n8n's error on the item it concerns.
 * One class for every such rule, Zoho's filters and MoEngage's data rules alike.
 */
export class InputError extends Error {}
