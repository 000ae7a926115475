#!/usr/bin/env bash
# One entry point for a fresh machine (Debian, or any Linux with npm): brings Node 24, the
# system packages the tests use and the npm dependencies, then runs what was asked:
#   bash scripts/run.sh start   build and run the app (no display or no Electron binary:
#                               the CLI on the bundled example case)
#   bash scripts/run.sh test    the test suite (npm test)
#   bash scripts/run.sh ci      typecheck, lint, then the test suite
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# chromium drives the UI tests; the fonts give it readable text in screenshots.
APT_PACKAGES=(chromium fonts-dejavu-core)

say() { printf 'vetbench setup: %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -lt 24 ] && [ ! -x .tools/node_modules/.bin/node ]; then
    say "Node $(node -v 2>/dev/null || echo none) is older than 24; installing Node 24 from the npm registry into .tools/"
    mkdir -p .tools
    echo '{ "name": "vetbench-tools", "private": true }' > .tools/package.json
    (cd .tools && npm install --no-audit --no-fund --loglevel=error node@24 >/dev/null)
  fi
  if [ -x .tools/node_modules/.bin/node ]; then export PATH="$ROOT/.tools/node_modules/.bin:$PATH"; fi
  [ "$(node_major)" -ge 24 ] || { say "could not get Node 24"; exit 1; }
}

ensure_system_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${APT_PACKAGES[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
  else
    say "missing ${missing[*]}; install them (e.g. sudo apt-get install ${APT_PACKAGES[*]}) and rerun"
    return 1
  fi
}

ensure_npm_deps() {
  # The Electron binary cannot be downloaded on offline build machines; set
  # ELECTRON_SKIP_BINARY_DOWNLOAD=0 where it can, to run the real app.
  export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

case "${1:-}" in
  start)
    ensure_node
    ensure_npm_deps
    npm run start
    ;;
  test)
    ensure_node
    ensure_system_packages
    ensure_npm_deps
    npm test
    ;;
  ci)
    ensure_node
    ensure_system_packages
    ensure_npm_deps
    npm run typecheck
    npm run lint
    npm test
    ;;
  *)
    echo "usage: bash scripts/run.sh start|test|ci" >&2
    exit 2
    ;;
esac
