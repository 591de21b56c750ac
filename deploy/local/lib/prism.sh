# Shared by components/prism-*.sh: Prism (@stoplight/prism-cli, a pinned root devDependency, so `npm ci`
# brings it) mocking a provider's OpenAPI document from the shared vendor specs. Prism validates each
# request against the provider's contract and answers from the document's examples; it keeps no state.

# The shared folder beside the repo (../shared); a worktree elsewhere sets PORTFOLIOOS_SHARED_DIR.
VENDOR_SPECS_DIR="${PORTFOLIOOS_SHARED_DIR:-$REPO_ROOT/../shared}/vendor-specs"
PRISM_PACKAGE_DIR="$REPO_ROOT/node_modules/@stoplight/prism-cli"

prism_require() {
  command -v node >/dev/null || die "$1: Node.js 20+ is required"
  [[ -f $PRISM_PACKAGE_DIR/package.json ]] || die "$1: @stoplight/prism-cli is not installed; run npm ci"
  [[ -r $2 ]] || die "$1: spec $2 not found (vendor specs are read from ../shared/vendor-specs; set PORTFOLIOOS_SHARED_DIR)"
}

prism_version() { sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PRISM_PACKAGE_DIR/package.json" | head -n1; }

# prism_run NAME PORT SPEC LOGFILE: node runs Prism's entry itself, so the pidfile holds the server's pid.
prism_run() {
  local name=$1 port=$2 spec=$3 logfile=$4
  assert_port_free "$port" "$name"
  log "$name: starting Prism $(prism_version) on 127.0.0.1:$port ($(basename "$spec"))"
  start_daemon "$name" "$logfile" node "$PRISM_PACKAGE_DIR/dist/index.js" mock -h 127.0.0.1 -p "$port" "$spec"
}

# prism_status NAME PORT SPEC_LABEL HEALTH_FN
prism_status() {
  local name=$1 port=$2 label=$3 healthy=$4
  "$healthy" || { status_line "$name" down "127.0.0.1:$port" -; return 1; }
  status_line "$name" up "127.0.0.1:$port" "Prism $(prism_version) on $label"
}
