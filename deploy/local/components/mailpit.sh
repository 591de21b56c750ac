# Mailpit (email testing, MIT) built with `go install`: SMTP on 127.0.0.1:1025, web UI and HTTP API
# (including the send API the SendGrid stand-in delivers through) on 127.0.0.1:8025, mail kept in
# .stack/mailpit/mailpit.db.

MAILPIT_DIR="$STACK_DIR/mailpit"
MAILPIT_LOG="$LOG_DIR/mailpit.log"
MAILPIT_SMTP_PORT=1025
MAILPIT_HTTP_PORT=8025
MAILPIT_URL="http://127.0.0.1:$MAILPIT_HTTP_PORT"
# Local mail piles up across test runs; mailpit prunes the oldest beyond this many.
MAILPIT_MAX_MESSAGES=5000

mailpit_go_tool() { echo github.com/axllent/mailpit@v1.33.1; }

mailpit_provision() {
  go_tool_wait mailpit
  mkdir -p "$MAILPIT_DIR"
}

mailpit_answering() { curl -fsS --max-time 5 "$MAILPIT_URL/api/v1/info" 2>/dev/null | grep -q '"Version"'; }

mailpit_start() {
  already_up mailpit $MAILPIT_HTTP_PORT && return 0
  assert_port_free $MAILPIT_SMTP_PORT mailpit
  assert_port_free $MAILPIT_HTTP_PORT mailpit
  log "mailpit: starting (SMTP 127.0.0.1:$MAILPIT_SMTP_PORT, UI/API $MAILPIT_URL)"
  # No version check against GitHub: the machine may have no internet, and the version is pinned.
  start_daemon mailpit "$MAILPIT_LOG" "$(go_tool_bin mailpit)" --listen "127.0.0.1:$MAILPIT_HTTP_PORT" \
    --smtp "127.0.0.1:$MAILPIT_SMTP_PORT" --database "$MAILPIT_DIR/mailpit.db" \
    --max "$MAILPIT_MAX_MESSAGES" --disable-version-check
  wait_until 30 mailpit "$MAILPIT_LOG" mailpit_answering || die "mailpit: not answering $MAILPIT_URL/api/v1/info"
  wait_until 10 "mailpit SMTP" "$MAILPIT_LOG" port_open $MAILPIT_SMTP_PORT || die "mailpit: SMTP not listening"
}

mailpit_stop() { stop_pidfile mailpit 30; }

mailpit_status() {
  local addr="127.0.0.1:$MAILPIT_HTTP_PORT" v
  v=$(curl -fsS --max-time 5 "$MAILPIT_URL/api/v1/info" 2>/dev/null | sed -n 's/.*"Version": *"\([^"]*\)".*/\1/p')
  [[ -n $v ]] || { status_line mailpit down "$addr" -; return 1; }
  [[ $v == dev ]] && pid_alive mailpit && v=$(go_tool_version mailpit)
  status_line mailpit up "$addr" "Mailpit $v (SMTP :$MAILPIT_SMTP_PORT)"
}
