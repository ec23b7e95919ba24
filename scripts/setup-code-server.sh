#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 in a browser) and Debian's Chromium, for the editor tests.
#
# Only the npm registry and Debian's packages are reachable here, so every step that would download
# a prebuilt binary is skipped (--ignore-scripts) and replaced: ripgrep comes from Debian, native
# modules are rebuilt from source. Installs OUTSIDE the project's node_modules, under
# .vscode-test/code-server (gitignored), or $CODE_SERVER_DIR.
#
# Idempotent: when everything is already there it returns in well under a second.
# Usage: bash scripts/setup-code-server.sh        (prints the code-server entry point on its last line)
set -euo pipefail

VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
CS="$DIR/node_modules/code-server"
MARKER="$DIR/.installed-$VERSION"
APT_PACKAGES=(libkrb5-dev ripgrep chromium)

log() { echo "[setup-code-server] $*" >&2; }

missing_apt() {
  local p out=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  log "warning: code-server $VERSION is built for Node 20; this is Node $(node --version)"
fi

# 1. Debian packages: Kerberos headers (native module of code-server), ripgrep (search), Chromium (tests).
missing="$(missing_apt)"
if [ -n "$missing" ]; then
  if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
  log "apt-get install $missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

if [ -f "$MARKER" ] && [ -f "$CS/out/node/entry.js" ]; then
  echo "$CS/out/node/entry.js"
  exit 0
fi

start=$(date +%s)
mkdir -p "$DIR"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# 2. code-server itself, without its postinstall (which downloads things).
if [ ! -f "$CS/package.json" ]; then
  log "npm install code-server@$VERSION into $DIR"
  [ -f "$DIR/package.json" ] || echo '{"name":"planwright-code-server","private":true}' > "$DIR/package.json"
  npm install --prefix "$DIR" --ignore-scripts "code-server@$VERSION" >&2
fi

# 3. The VS Code inside it: production dependencies, ripgrep from Debian, native modules rebuilt.
cd "$CS/lib/vscode"
if [ ! -d node_modules ] || [ ! -f node_modules/.planwright-deps ]; then
  log "npm install (lib/vscode)"
  npm install --omit=dev --ignore-scripts >&2
  touch node_modules/.planwright-deps
fi
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "npm rebuild (lib/vscode native modules)"
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
log "npm install (lib/vscode/extensions)"
(cd extensions && npm install --omit=dev >&2)

# 4. argon2 (password hashing, loaded at start even with --auth none): build from source.
cd "$DIR"
log "npm rebuild argon2 --build-from-source"
npm_config_build_from_source=true npm rebuild argon2 >&2

# Smoke check: the server answers --version.
node "$CS/out/node/entry.js" --config "$DIR/config.yaml" --version >&2
touch "$MARKER"
log "installed in $(( $(date +%s) - start ))s (apt packages not counted)"
echo "$CS/out/node/entry.js"
