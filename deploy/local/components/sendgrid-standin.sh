# SendGrid stand-in (ours: deploy/local/sendgrid-standin) on 127.0.0.1:3025: POST /v3/mail/send is checked
# against SendGrid's own sendgrid_v3.json and delivered into mailpit (http://127.0.0.1:8025) through its send
# API. @sendgrid/mail points at it with setDefaultRequest('baseUrl', 'http://127.0.0.1:3025').

# The shared vendor specs folder (../shared beside the repo; PORTFOLIOOS_SHARED_DIR elsewhere).
SENDGRID_SPEC="${PORTFOLIOOS_SHARED_DIR:-$REPO_ROOT/../shared}/vendor-specs/sendgrid_v3.json"
SENDGRID_STANDIN_DIR="$SCRIPT_DIR/sendgrid-standin"
SENDGRID_STANDIN_PORT=3025
SENDGRID_STANDIN_LOG="$LOG_DIR/sendgrid-standin.log"
SENDGRID_MAILPIT_URL=${SENDGRID_MAILPIT_URL:-http://127.0.0.1:8025}

sendgrid-standin_provision() {
  command -v node >/dev/null || die "sendgrid-standin: Node.js 20+ is required"
  [[ -d $REPO_ROOT/node_modules/openapi-backend ]] || die "sendgrid-standin: npm dependencies missing; run npm ci"
  [[ -r $SENDGRID_SPEC ]] || die "sendgrid-standin: $SENDGRID_SPEC not found (set PORTFOLIOOS_SHARED_DIR)"
}

sendgrid-standin_health() { curl -fsS --max-time 3 "http://127.0.0.1:$SENDGRID_STANDIN_PORT/healthz" 2>/dev/null; }

sendgrid-standin_healthy() { sendgrid-standin_health | grep -q '"service":"sendgrid-standin"'; }

sendgrid-standin_answering() { sendgrid-standin_healthy; }

sendgrid-standin_start() {
  if sendgrid-standin_healthy; then
    if pid_alive sendgrid-standin; then log "sendgrid-standin: already running"; else note_reused sendgrid-standin $SENDGRID_STANDIN_PORT; fi
    return 0
  fi
  assert_port_free $SENDGRID_STANDIN_PORT sendgrid-standin
  log "sendgrid-standin: starting on 127.0.0.1:$SENDGRID_STANDIN_PORT (delivers to mailpit at $SENDGRID_MAILPIT_URL)"
  (cd "$SENDGRID_STANDIN_DIR" && HTTP_HOST=127.0.0.1 HTTP_PORT=$SENDGRID_STANDIN_PORT SENDGRID_SPEC_PATH="$SENDGRID_SPEC" \
    MAILPIT_URL="$SENDGRID_MAILPIT_URL" start_daemon sendgrid-standin "$SENDGRID_STANDIN_LOG" \
    node --conditions=@portfolioos/source --import tsx src/server.ts)
  wait_until 60 sendgrid-standin "$SENDGRID_STANDIN_LOG" sendgrid-standin_healthy || die "sendgrid-standin: not answering"
  log "sendgrid-standin: ready (http://127.0.0.1:$SENDGRID_STANDIN_PORT/v3/mail/send)"
}

sendgrid-standin_stop() { stop_pidfile sendgrid-standin 15; }

sendgrid-standin_status() {
  local addr="127.0.0.1:$SENDGRID_STANDIN_PORT" mailpit
  sendgrid-standin_healthy || { status_line sendgrid-standin down "$addr" -; return 1; }
  mailpit=$(sendgrid-standin_health | sed -n 's/.*"mailpit":"\([a-z]*\)".*/\1/p')
  status_line sendgrid-standin up "$addr" "SendGrid v3 mail/send stand-in → mailpit (${mailpit:-?})"
}
