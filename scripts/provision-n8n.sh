#!/usr/bin/env bash
# Installs a pinned n8n into the cache outside the repository (once), and prints its bin path.
#
# Measured facts behind the flags: n8n 2.41.3 does not install from this registry (a dependency version
# is missing; docs/development.md "Newer n8n"); 2.40.7 does, with --ignore-scripts (the Kafka client's native build tries to download
# zlib) followed by rebuilding sqlite3, the one native module n8n's default database needs.
# Takes about 6 minutes and 2.8 GB the first time. Needs Node 24 on PATH (scripts/node24.sh).
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
CACHE_DIR="${N8N_ZOHO_MOENGAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-zoho-billing-moengage}"
PREFIX="$CACHE_DIR/n8n-$N8N_VERSION"
BIN="$PREFIX/node_modules/.bin/n8n"

if [ -x "$BIN" ] && [ -f "$PREFIX/.complete" ]; then
	echo "$BIN"
	exit 0
fi

echo "provision-n8n: installing n8n@$N8N_VERSION into $PREFIX (one-time, several minutes)" >&2
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
echo '{"name":"n8n-runtime","private":true}' > "$PREFIX/package.json"
npm install --prefix "$PREFIX" --no-audit --no-fund --ignore-scripts --omit=dev "n8n@$N8N_VERSION" >&2
npm rebuild --prefix "$PREFIX" sqlite3 >&2
touch "$PREFIX/.complete"
echo "$BIN"
