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
# On this machine the portal answers at localhost and at 127.0.0.1 alike: forms are accepted from
# both (the portal refuses forms sent from any other address). Set TRUSTED_ORIGINS to change it.
if [ "$ORIGIN" = "http://localhost:$PORT" ]; then
  TRUSTED_ORIGINS="${TRUSTED_ORIGINS-http://127.0.0.1:$PORT}"
fi
TRUSTED_ORIGINS="${TRUSTED_ORIGINS:-}"
# The portal proves itself to the API with this, so that the API believes the reader addresses it
# names; both servers get the same one. A new one each run costs only the rate-limit counts.
if [ -z "${PLEDGEKEEPER_SECRET:-}" ]; then
  PLEDGEKEEPER_SECRET=$(pk_random_secret)
  pk_log "PLEDGEKEEPER_SECRET is not set: using a random one for this run"
fi
export PLEDGEKEEPER_SECRET

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
# Without DATABASE_URL the server keeps its SQLite file under apps/server/data, and without SMTP_URL
# its emails go to apps/server/data/outbox; ORIGIN gives the links in them the portal's address.
# The supervisor restarts the API when it exits or crashes (1 s, 2 s, 4 s ... 30 s apart), so the
# portal stays up, serving what it can; a failure in the first seconds is a failure to start.
(cd apps/server && LOG_LEVEL="$LOG_LEVEL" ORIGIN="$ORIGIN" exec setsid node ../../scripts/supervise.mjs --name API --startup-seconds 5 -- node dist/main.js) &
server_pid=$!
node scripts/wait-for-http.mjs "http://127.0.0.1:$API_PORT/health" 120 "$server_pid" \
  || pk_die "the API server did not become ready"

(cd apps/portal && PORT="$PORT" API_URL="$API_URL" ORIGIN="$ORIGIN" TRUSTED_ORIGINS="$TRUSTED_ORIGINS" LOG_LEVEL="$LOG_LEVEL" exec setsid node serve.js) &
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

# Stay in the foreground until a signal comes or the portal (or the API's supervisor) stops by itself.
set +e
stopped_pid=''
wait -n -p stopped_pid "$server_pid" "$portal_pid"
status=$?
if [ "$stopped_pid" = "$portal_pid" ]; then
  pk_log "the portal stopped by itself (exit status $status); stopping the API"
else
  pk_log "the API's supervisor stopped by itself (exit status $status); stopping the portal"
fi
exit "$status"
