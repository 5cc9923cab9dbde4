#!/usr/bin/env bash
# Installs, builds and runs Pledgekeeper: the API server and the portal, in the foreground.
# Ctrl-C stops both. Ports and the database come from the environment (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

pk_ensure_pnpm
pk_use_local_node_headers
pk_install_dependencies
pk_log "pnpm build"
pnpm build

export API_PORT="${API_PORT:-3001}"
PORT="${PORT:-3000}"
LOG_LEVEL="${LOG_LEVEL:-info}"
API_URL="${API_URL:-http://127.0.0.1:$API_PORT}"
ORIGIN="${ORIGIN:-http://localhost:$PORT}"

for port in "$API_PORT" "$PORT"; do
  pk_port_is_free "$port" \
    || pk_die "port $port is in use; choose others, e.g. API_PORT=4001 PORT=4000 $0"
done

server_pid=''
portal_pid=''

stop_all() {
  trap - INT TERM EXIT
  local pid
  for pid in $portal_pid $server_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  # Give them ten seconds to close their connections, then insist.
  for _ in $(seq 50); do
    local alive=''
    for pid in $portal_pid $server_pid; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 0.2
  done
  for pid in $portal_pid $server_pid; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# `exec` makes the subshell become node, so $! is the node process itself. `setsid` keeps
# Ctrl-C in the terminal from reaching the servers directly: this script stops them, once each
# (the server takes a second signal to mean "stop now, unclean").
# Without DATABASE_URL the server keeps its SQLite file under apps/server/data.
(cd apps/server && LOG_LEVEL="$LOG_LEVEL" exec setsid node dist/main.js) &
server_pid=$!
node scripts/wait-for-http.mjs "http://127.0.0.1:$API_PORT/health" 120 "$server_pid" \
  || pk_die "the API server did not become ready"

(cd apps/portal && PORT="$PORT" API_URL="$API_URL" ORIGIN="$ORIGIN" exec setsid node build/index.js) &
portal_pid=$!
node scripts/wait-for-http.mjs "http://127.0.0.1:$PORT/" 60 "$portal_pid" \
  || pk_die "the portal did not become ready"

cat <<EOF

Pledgekeeper is running.
  Portal:  http://localhost:$PORT/
           http://localhost:$PORT/worcestershire
           http://localhost:$PORT/somerset
  API:     http://127.0.0.1:$API_PORT/trpc  (health: http://127.0.0.1:$API_PORT/health)
Press Ctrl-C to stop.

EOF

# Stay in the foreground until a signal comes or either server stops by itself.
set +e
wait -n "$server_pid" "$portal_pid"
status=$?
pk_log "a server stopped by itself (exit status $status); stopping the other"
exit "$status"
