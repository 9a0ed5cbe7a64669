#!/usr/bin/env bash
# Installs the Debian packages the reliability suites need, when missing:
#   redis       -> redis-server            (queue mode: n8n's job queue)
#   postgres    -> postgresql (15)         (queue mode: n8n's database; SQLite is not supported there)
#   chromium    -> chromium                (the editor test, driven by playwright-core; no browser download)
# Usage: scripts/provision-services.sh redis postgres chromium
# The suites start and stop the servers themselves, on 127.0.0.1 and throw-away data folders; this
# script only installs. Needs root (or sudo) and Debian's package mirror, nothing else.
set -euo pipefail

declare -A PACKAGE_OF=([redis]=redis-server [postgres]=postgresql [chromium]=chromium)
declare -A PROBE_OF=([redis]=/usr/bin/redis-server [postgres]=/usr/lib/postgresql/15/bin/postgres [chromium]=/usr/bin/chromium)

missing=()
for service in "$@"; do
	package="${PACKAGE_OF[$service]:-}"
	[[ -n "$package" ]] || { echo "provision-services: unknown service '$service' (redis, postgres, chromium)" >&2; exit 2; }
	[[ -x "${PROBE_OF[$service]}" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
[[ "$(id -u)" -eq 0 ]] || SUDO="sudo"
echo "provision-services: installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
# Install without touching the package lists first; refresh them only if that fails (a fresh machine).
if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
	$SUDO apt-get update -q >&2
	$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
# Debian starts the servers it installs; the suites run their own, so stop these to free the ports.
for unit in redis-server postgresql; do
	if command -v service >/dev/null && service "$unit" status >/dev/null 2>&1; then $SUDO service "$unit" stop >/dev/null 2>&1 || true; fi
done
