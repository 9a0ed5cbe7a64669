#!/usr/bin/env bash
# `npm run dev`: a local n8n with this package installed as a community package and the example
# workflows imported, on http://localhost:5678 with SQLite, rebuilt on change: when a source file
# changes (index.ts, lib/, nodes/, packages/), the package is built and installed again, and n8n
# reloads it (N8N_DEV_RELOAD, as the starter's `n8n-node dev` does); refresh the editor to see it.
#
# n8n (pinned, see provision-n8n.sh) is cached outside the repository; the n8n user folder defaults to
# .n8n-local/ in the repository (git-ignored) and can be moved with N8N_USER_FOLDER.
# Needs Node 24 on PATH (on an older Node: source scripts/node24.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."

N8N_BIN="$(bash scripts/provision-n8n.sh | tail -n 1)"
export N8N_USER_FOLDER="${N8N_USER_FOLDER:-$PWD/.n8n-local}"
export N8N_PORT="${N8N_PORT:-5678}"
export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-local-development-only-encryption-key}"
export N8N_SECURE_COOKIE=false
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
mkdir -p "$N8N_USER_FOLDER"

echo "dev: building the package"
npm run build --silent >/dev/null
node scripts/install-into-n8n.mjs "$N8N_USER_FOLDER"

echo "dev: importing the workflows in examples/"
for example in examples/*.json; do
	# A fixed ID per example (from its file name), so re-running dev updates it instead of adding a copy.
	node -e '
const fs = require("fs");
const workflow = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const id = ("ex" + require("path").basename(process.argv[1], ".json").replace(/[^a-z0-9]/gi, "")).slice(0, 36);
fs.writeFileSync(process.argv[2], JSON.stringify({ ...workflow, id }));
' "$example" "$N8N_USER_FOLDER/import.json"
	"$N8N_BIN" import:workflow --input="$N8N_USER_FOLDER/import.json" >/dev/null
done

echo "dev: starting n8n on http://localhost:$N8N_PORT (Ctrl+C stops it)"
# n8n reloads a community package whose files change only in development mode with dev reload on.
NODE_ENV=development N8N_DEV_RELOAD=true "$N8N_BIN" start &
n8n_pid=$!
trap 'kill "$n8n_pid" 2>/dev/null; wait "$n8n_pid" 2>/dev/null; exit 0' INT TERM

# Rebuild on change: a build takes a few seconds, so the sources are checked every 2 s.
stamp="$N8N_USER_FOLDER/.built"
touch "$stamp"
while kill -0 "$n8n_pid" 2>/dev/null; do
	sleep 2
	changed="$(find index.ts lib nodes packages -newer "$stamp" -type f -print -quit)"
	[ -n "$changed" ] || continue
	touch "$stamp"
	echo "dev: $changed changed; building and installing again"
	if npm run build --silent >/dev/null 2>"$N8N_USER_FOLDER/build.log"; then
		node scripts/install-into-n8n.mjs "$N8N_USER_FOLDER" >/dev/null && echo "dev: reloaded"
	else
		echo "dev: the build failed (n8n keeps the last good one):" >&2
		cat "$N8N_USER_FOLDER/build.log" >&2
	fi
done
wait "$n8n_pid"
