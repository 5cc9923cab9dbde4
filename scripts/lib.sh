# Shared steps for start.sh, test.sh and .ci/run. Source it from the repository root.
# shellcheck shell=bash

PNPM_VERSION=12.4.2

# Turbo's telemetry cannot reach its host from our machines anyway.
export TURBO_TELEMETRY_DISABLED=1

pk_log() { printf '==> %s\n' "$*" >&2; }
pk_die() { printf 'error: %s\n' "$*" >&2; exit 1; }
pk_is_root() { [ "$(id -u)" = 0 ]; }

# Puts pnpm $PNPM_VERSION on PATH. Root installs it globally with npm; anyone else who cannot
# gets a small wrapper around corepack (or npx) in a folder of their own.
pk_ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ]; then return 0; fi
  pk_log "installing pnpm $PNPM_VERSION"
  if npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >&2; then
    hash -r
    [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ] && return 0
  fi
  pk_is_root && pk_die "could not install pnpm $PNPM_VERSION with npm"

  # The registry here serves no signatures, so corepack must not ask for them.
  export COREPACK_INTEGRITY_KEYS=0
  local shims="${XDG_CACHE_HOME:-$HOME/.cache}/pledgekeeper/bin"
  mkdir -p "$shims"
  if command -v corepack >/dev/null; then
    printf '#!/bin/sh\nCOREPACK_INTEGRITY_KEYS=0 exec corepack pnpm@%s "$@"\n' "$PNPM_VERSION" >"$shims/pnpm"
  else
    printf '#!/bin/sh\nexec npx --yes pnpm@%s "$@"\n' "$PNPM_VERSION" >"$shims/pnpm"
  fi
  chmod +x "$shims/pnpm"
  export PATH="$shims:$PATH"
  hash -r
  [ "$(pnpm --version 2>/dev/null || true)" = "$PNPM_VERSION" ] \
    || pk_die "could not run pnpm $PNPM_VERSION (tried npm, then corepack or npx)"
  pk_log "using pnpm through $shims/pnpm"
}

# better-sqlite3 compiles from source here; node-gyp must use the headers Node came with
# instead of downloading them.
pk_use_local_node_headers() {
  if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
}

pk_install_dependencies() {
  pk_log "pnpm install --frozen-lockfile"
  pnpm install --frozen-lockfile
}

# Prints a new random secret: 32 bytes, base64url (43 characters).
pk_random_secret() {
  node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))'
}

# Prints a TCP port that is free on 127.0.0.1 right now.
pk_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Fails if something already listens on 127.0.0.1:$1.
pk_port_is_free() {
  node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],()=>s.close())' "$1"
}
