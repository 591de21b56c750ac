# Twilio stand-in: Prism on the vendor's twilio_api_v2010.json, as published, at 127.0.0.1:4010.
# The twilio SDK reaches it through a RequestClient that rewrites https://api.twilio.com (see
# deploy/local/smoke). Stateless: a sent message is answered from the spec's example, not stored.

# shellcheck source=../lib/prism.sh
source "$SCRIPT_DIR/lib/prism.sh"

PRISM_TWILIO_PORT=4010
PRISM_TWILIO_SPEC="$VENDOR_SPECS_DIR/twilio_api_v2010.json"
PRISM_TWILIO_LOG="$LOG_DIR/prism-twilio.log"
# Any well-formed account SID: Prism checks the pattern and that basic auth is present, not the values.
PRISM_TWILIO_PROBE_SID=AC00000000000000000000000000000000

prism-twilio_provision() { prism_require prism-twilio "$PRISM_TWILIO_SPEC"; }

prism-twilio_healthy() {
  curl -fsS --max-time 3 -u "$PRISM_TWILIO_PROBE_SID:probe" -o /dev/null \
    "http://127.0.0.1:$PRISM_TWILIO_PORT/2010-04-01/Accounts/$PRISM_TWILIO_PROBE_SID/Messages.json" 2>/dev/null
}

prism-twilio_answering() { prism-twilio_healthy; }

prism-twilio_start() {
  if prism-twilio_healthy; then
    if pid_alive prism-twilio; then log "prism-twilio: already running"; else note_reused prism-twilio $PRISM_TWILIO_PORT; fi
    return 0
  fi
  prism_run prism-twilio $PRISM_TWILIO_PORT "$PRISM_TWILIO_SPEC" "$PRISM_TWILIO_LOG"
  wait_until 180 prism-twilio "$PRISM_TWILIO_LOG" prism-twilio_healthy || die "prism-twilio: not answering"
  log "prism-twilio: ready (http://127.0.0.1:$PRISM_TWILIO_PORT/2010-04-01/...)"
}

prism-twilio_stop() { stop_pidfile prism-twilio 15; }

prism-twilio_status() { prism_status prism-twilio $PRISM_TWILIO_PORT "Twilio 2010-04-01" prism-twilio_healthy; }
