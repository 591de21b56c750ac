# S3-compatible object storage: Versity S3 Gateway (versitygw, Apache-2.0) built with `go install`, POSIX
# backend under .stack/versitygw/data (one directory per bucket, metadata in xattrs), on 127.0.0.1:7070.
# Root credentials are for local use only; production points libs/storage at any S3 endpoint (Helm values).

VERSITYGW_DIR="$STACK_DIR/versitygw"
VERSITYGW_DATA="$VERSITYGW_DIR/data"
VERSITYGW_LOG="$LOG_DIR/versitygw.log"
VERSITYGW_PORT=7070
VERSITYGW_URL="http://127.0.0.1:$VERSITYGW_PORT"
VERSITYGW_ACCESS_KEY=portfolioos
VERSITYGW_SECRET_KEY=portfolioos-local-secret
VERSITYGW_REGION=us-east-1
VERSITYGW_HEALTH=/health

versitygw_go_tool() { echo github.com/versity/versitygw/cmd/versitygw@v1.8.0; }

versitygw_provision() {
  go_tool_wait versitygw
  mkdir -p "$VERSITYGW_DATA"
}

versitygw_answering() { curl -fsS --max-time 5 "$VERSITYGW_URL$VERSITYGW_HEALTH" >/dev/null 2>&1; }

versitygw_start() {
  already_up versitygw $VERSITYGW_PORT && return 0
  assert_port_free $VERSITYGW_PORT versitygw
  log "versitygw: starting on 127.0.0.1:$VERSITYGW_PORT (posix backend $VERSITYGW_DATA)"
  # Credentials through the environment, so they do not show in `ps`.
  ROOT_ACCESS_KEY_ID=$VERSITYGW_ACCESS_KEY ROOT_SECRET_ACCESS_KEY=$VERSITYGW_SECRET_KEY \
    start_daemon versitygw "$VERSITYGW_LOG" "$(go_tool_bin versitygw)" --port "127.0.0.1:$VERSITYGW_PORT" \
    --region "$VERSITYGW_REGION" --health "$VERSITYGW_HEALTH" --quiet posix "$VERSITYGW_DATA"
  wait_until 30 versitygw "$VERSITYGW_LOG" versitygw_answering || die "versitygw: not answering $VERSITYGW_HEALTH"
  log "versitygw: ready ($VERSITYGW_URL, access key $VERSITYGW_ACCESS_KEY, region $VERSITYGW_REGION, path-style)"
}

versitygw_stop() { stop_pidfile versitygw 30; }

versitygw_status() {
  local addr="127.0.0.1:$VERSITYGW_PORT"
  versitygw_answering || { status_line versitygw down "$addr" -; return 1; }
  status_line versitygw up "$addr" "versitygw $(go_tool_version versitygw) (S3, posix backend)"
}
