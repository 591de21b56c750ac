# Trace viewer: Zipkin 3.5.1 (executable jar with the UI, from Maven Central) on 127.0.0.1:9411, in-memory
# storage (traces are gone after a restart). Zipkin has no OTLP receiver, so services export to it with the
# Zipkin exporter: OTEL_EXPORTER_ZIPKIN_ENDPOINT=http://127.0.0.1:9411/api/v2/spans (npm start sets it).

ZIPKIN_DIR="$STACK_DIR/zipkin"
ZIPKIN_LIB="$LIB_DIR/zipkin"
ZIPKIN_JAR="$ZIPKIN_LIB/zipkin-server.jar"
ZIPKIN_POM="$SCRIPT_DIR/maven/zipkin/pom.xml"
ZIPKIN_LOG="$LOG_DIR/zipkin.log"
ZIPKIN_PORT=9411
ZIPKIN_HEAP=${ZIPKIN_HEAP:-256m}
# In-memory storage is bounded by span count; old traces are evicted first.
ZIPKIN_MAX_SPANS=${ZIPKIN_MAX_SPANS:-200000}

zipkin_provision() {
  ensure_java_and_maven
  local marker="$ZIPKIN_LIB/.resolved" want
  want=$(sha256sum "$ZIPKIN_POM" | cut -d' ' -f1)
  if [[ ! -f $marker || $(cat "$marker") != "$want" || ! -s $ZIPKIN_JAR ]]; then
    log "zipkin: resolving zipkin-server (exec jar) from Maven Central into $ZIPKIN_LIB"
    zipkin_stop # never swap the jar under a running server
    rm -rf "$ZIPKIN_LIB"
    run_maven "$LOG_DIR/maven-zipkin.log" -f "$ZIPKIN_POM" dependency:copy -Dzipkin.lib.dir="$ZIPKIN_LIB" \
      || { tail -n 30 "$LOG_DIR/maven-zipkin.log" >&2; die "zipkin: Maven resolution failed"; }
    echo "$want" >"$marker"
  fi
  mkdir -p "$ZIPKIN_DIR"
}

zipkin_curl() { curl -fsS --max-time 3 "http://127.0.0.1:$ZIPKIN_PORT$1"; }

zipkin_healthy() { zipkin_curl /health 2>/dev/null | grep -q '"status" *: *"UP"'; }

zipkin_answering() { zipkin_healthy; }

zipkin_start() {
  if zipkin_healthy; then
    if pid_alive zipkin; then log "zipkin: already running"; else note_reused zipkin $ZIPKIN_PORT; fi
    return 0
  fi
  assert_port_free $ZIPKIN_PORT zipkin
  log "zipkin: starting on 127.0.0.1:$ZIPKIN_PORT (in-memory storage, heap $ZIPKIN_HEAP)"
  # Armeria binds every interface unless the port entry names one; Spring Boot relaxed binding takes the
  # list entry from the command line.
  (cd "$ZIPKIN_DIR" && STORAGE_TYPE=mem MEM_MAX_SPANS=$ZIPKIN_MAX_SPANS start_daemon zipkin "$ZIPKIN_LOG" \
    "$JAVA_HOME_17/bin/java" -Xms"$ZIPKIN_HEAP" -Xmx"$ZIPKIN_HEAP" -Djava.io.tmpdir="$ZIPKIN_DIR" -jar "$ZIPKIN_JAR" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$ZIPKIN_PORT" "--armeria.ports[0].protocols[0]=http")
  wait_until 120 zipkin "$ZIPKIN_LOG" zipkin_healthy || die "zipkin: not healthy"
  log "zipkin: ready (UI http://127.0.0.1:$ZIPKIN_PORT/zipkin/)"
}

zipkin_stop() { stop_pidfile zipkin 30; }

zipkin_status() {
  local addr="127.0.0.1:$ZIPKIN_PORT" v
  v=$(zipkin_curl /info 2>/dev/null | sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p')
  [[ -n $v ]] && zipkin_healthy || { status_line zipkin down "$addr" -; return 1; }
  status_line zipkin up "$addr" "Zipkin $v (in-memory; UI /zipkin/)"
}
