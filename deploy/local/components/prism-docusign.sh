# DocuSign stand-in: Prism at 127.0.0.1:4011 on the subset of the vendor's docusign_esignature_v2.1.json the
# platform uses, derived at provision time by deploy/local/docusign/derive-subset.mjs (the raw document does not
# load in Prism; see that script). Paths keep DocuSign's /restapi prefix: ApiClient basePath
# http://127.0.0.1:4011/restapi. Stateless: envelopes are answered from the spec's examples, not stored.

# shellcheck source=../lib/prism.sh
source "$SCRIPT_DIR/lib/prism.sh"

PRISM_DOCUSIGN_PORT=4011
PRISM_DOCUSIGN_SOURCE="$VENDOR_SPECS_DIR/docusign_esignature_v2.1.json"
PRISM_DOCUSIGN_DIR="$STACK_DIR/prism-docusign"
PRISM_DOCUSIGN_SPEC="$PRISM_DOCUSIGN_DIR/docusign-subset.json"
PRISM_DOCUSIGN_LOG="$LOG_DIR/prism-docusign.log"
PRISM_DOCUSIGN_PROBE="/restapi/v2.1/accounts/00000000-0000-0000-0000-000000000000/connect"

prism-docusign_provision() {
  prism_require prism-docusign "$PRISM_DOCUSIGN_SOURCE"
  mkdir -p "$PRISM_DOCUSIGN_DIR"
  node "$SCRIPT_DIR/docusign/derive-subset.mjs" "$PRISM_DOCUSIGN_SOURCE" "$PRISM_DOCUSIGN_SPEC.new" >>"$PRISM_DOCUSIGN_LOG" 2>&1 \
    || { tail -n 20 "$PRISM_DOCUSIGN_LOG" >&2; die "prism-docusign: deriving the subset failed"; }
  if cmp -s "$PRISM_DOCUSIGN_SPEC.new" "$PRISM_DOCUSIGN_SPEC"; then
    rm -f "$PRISM_DOCUSIGN_SPEC.new"
  else
    # A running Prism serves the old subset: restart it on the new one.
    pid_alive prism-docusign && prism-docusign_stop
    mv "$PRISM_DOCUSIGN_SPEC.new" "$PRISM_DOCUSIGN_SPEC"
  fi
}

prism-docusign_healthy() {
  curl -fsS --max-time 3 -o /dev/null "http://127.0.0.1:$PRISM_DOCUSIGN_PORT$PRISM_DOCUSIGN_PROBE" 2>/dev/null
}

prism-docusign_answering() { prism-docusign_healthy; }

# Prism compiles an operation's validators on its first request: for envelope bodies that took 90 s on a busy
# machine (longer than docusign-esign's 60 s timeout). One request per body-heavy operation pays it at start.
prism-docusign_warm_up() {
  local base="http://127.0.0.1:$PRISM_DOCUSIGN_PORT/restapi/v2.1/accounts/00000000-0000-0000-0000-000000000000"
  local envelope="$base/envelopes/00000000-0000-0000-0000-000000000001" started=$SECONDS request method body
  for request in "POST $base/envelopes" "PUT $envelope" "GET $envelope" "POST $envelope/recipients" \
    "GET $envelope/recipients" "POST $envelope/views/recipient" "PUT $base/envelopes/status" "GET $base/envelopes"; do
    method=${request%% *}
    body=(); [[ $method == GET ]] || body=(-H 'content-type: application/json' -d '{}')
    curl -sS -o /dev/null --max-time 300 -X "$method" "${body[@]}" "${request#* }" 2>>"$PRISM_DOCUSIGN_LOG" \
      || warn "prism-docusign: warm-up $request failed"
  done
  log "prism-docusign: validators compiled in $((SECONDS - started))s"
}

prism-docusign_start() {
  if prism-docusign_healthy; then
    if pid_alive prism-docusign; then log "prism-docusign: already running"; else note_reused prism-docusign $PRISM_DOCUSIGN_PORT; fi
    return 0
  fi
  [[ -s $PRISM_DOCUSIGN_SPEC ]] || die "prism-docusign: $PRISM_DOCUSIGN_SPEC missing (run: stack.sh up prism-docusign)"
  prism_run prism-docusign $PRISM_DOCUSIGN_PORT "$PRISM_DOCUSIGN_SPEC" "$PRISM_DOCUSIGN_LOG"
  wait_until 240 prism-docusign "$PRISM_DOCUSIGN_LOG" prism-docusign_healthy || die "prism-docusign: not answering"
  prism-docusign_warm_up
  log "prism-docusign: ready (http://127.0.0.1:$PRISM_DOCUSIGN_PORT/restapi)"
}

prism-docusign_stop() { stop_pidfile prism-docusign 15; }

prism-docusign_status() {
  prism_status prism-docusign $PRISM_DOCUSIGN_PORT "DocuSign eSignature v2.1 subset" prism-docusign_healthy
}
