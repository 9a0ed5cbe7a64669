/** The package's npm name: the prefix of every node type in workflows (`<name>.zohoBillingTrigger`). */
export { name as PACKAGE } from '../../package.json';
