// @ts-check
/** n8n's own HTTP Request node, from the pinned n8n the e2e tests use (scripts/provision-n8n.sh). */
const { execFileSync } = require('child_process');
const path = require('path');

function loadN8nNodesBase() {
	const repo = path.resolve(__dirname, '../..');
	const bin =
		execFileSync('bash', [path.join(repo, 'scripts/provision-n8n.sh')], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		})
			.trim()
			.split('\n')
			.pop() ?? '';
	const nodeModules = path.resolve(path.dirname(bin), '..');
	return require(
		path.join(nodeModules, 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js'),
	);
}

module.exports = { loadN8nNodesBase };
