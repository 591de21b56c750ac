# Schema registry: Apicurio Registry (Quarkus app re-augmented from Maven Central, see
# deploy/local/maven/apicurio/pom.xml) with SQL storage in PostgreSQL db `registry` and the
# Confluent-compatible API at http://127.0.0.1:8081/apis/ccompat/v7.

REGISTRY_DIR="$STACK_DIR/registry"
REGISTRY_LIB="$LIB_DIR/apicurio"
REGISTRY_POM="$SCRIPT_DIR/maven/apicurio/pom.xml"
REGISTRY_LOG="$LOG_DIR/registry.log"
REGISTRY_PORT=8081
REGISTRY_HEAP=${REGISTRY_HEAP:-512m}
REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT"
REGISTRY_COMPATIBILITY=BACKWARD

registry_provision() {
  ensure_java_and_maven
  local marker="$REGISTRY_LIB/.resolved" want
  want=$(sha256sum "$REGISTRY_POM" | cut -d' ' -f1)
  if [[ ! -f $marker || $(cat "$marker") != "$want" ]]; then
    log "registry: building Apicurio Registry from Maven Central into $REGISTRY_LIB (first time: a few minutes)"
    registry_stop # never pull the jars from under a running registry
    rm -rf "$REGISTRY_LIB"
    run_maven "$LOG_DIR/maven-registry.log" -f "$REGISTRY_POM" package -Dapicurio.build.dir="$REGISTRY_LIB" \
      || { grep -E 'ERROR' "$LOG_DIR/maven-registry.log" | head -n 20 >&2; die "registry: Maven build failed (see $LOG_DIR/maven-registry.log)"; }
    echo "$want" >"$marker"
  fi
  mkdir -p "$REGISTRY_DIR"
}

registry_runner_jar() { ls "$REGISTRY_LIB"/*-runner.jar 2>/dev/null | head -n1; }

registry_curl() { curl -fsS --max-time 5 "$@"; }

registry_healthy() {
  registry_curl "$REGISTRY_URL/health/ready" >/dev/null 2>&1 \
    && registry_curl "$REGISTRY_URL/apis/ccompat/v7/subjects" >/dev/null 2>&1
}

registry_answering() { registry_healthy; }

registry_start() {
  if registry_healthy; then
    if pid_alive registry; then log "registry: already running"; else note_reused registry $REGISTRY_PORT; fi
  else
    postgres_running || die "registry: needs postgres (run: stack.sh up postgres registry)"
    assert_port_free $REGISTRY_PORT registry
    log "registry: starting on 127.0.0.1:$REGISTRY_PORT (storage: postgresql db registry, heap $REGISTRY_HEAP)"
    # %prod.* keys are what the app's own application.properties sets; system properties outrank it.
    (cd "$REGISTRY_DIR" && start_daemon registry "$REGISTRY_LOG" "$JAVA_HOME_17/bin/java" \
      -Xms"$REGISTRY_HEAP" -Xmx"$REGISTRY_HEAP" -Djava.io.tmpdir="$REGISTRY_DIR" \
      -Dquarkus.http.host=127.0.0.1 "-D%prod.quarkus.http.port=$REGISTRY_PORT" \
      "-D%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:$PG_PORT/registry" \
      "-D%prod.quarkus.datasource.username=registry" "-D%prod.quarkus.datasource.password=registry" \
      "-D%prod.quarkus.datasource.jdbc.initial-size=2" "-D%prod.quarkus.datasource.jdbc.min-size=2" \
      "-D%prod.quarkus.datasource.jdbc.max-size=20" \
      -Dregistry.rules.global.compatibility=$REGISTRY_COMPATIBILITY \
      -jar "$(registry_runner_jar)")
    wait_until 120 registry "$REGISTRY_LOG" registry_healthy || die "registry: not healthy"
  fi
  registry_ensure_global_rule
  log "registry: ready ($REGISTRY_URL/apis/ccompat/v7, global compatibility $REGISTRY_COMPATIBILITY)"
}

# Stores the global rule in the registry itself (not only as a config default); idempotent.
registry_ensure_global_rule() {
  local rules="$REGISTRY_URL/apis/registry/v2/admin/rules" body current
  body="{\"type\":\"COMPATIBILITY\",\"config\":\"$REGISTRY_COMPATIBILITY\"}"
  current=$(registry_curl "$rules" 2>/dev/null || echo '[]')
  if [[ $current == *COMPATIBILITY* ]]; then
    registry_curl -X PUT -H 'Content-Type: application/json' -d "$body" "$rules/COMPATIBILITY" >/dev/null
  else
    registry_curl -X POST -H 'Content-Type: application/json' -d "$body" "$rules" >/dev/null
  fi || die "registry: could not set the global $REGISTRY_COMPATIBILITY rule"
}

registry_stop() { stop_pidfile registry 30; }

registry_status() {
  local addr="127.0.0.1:$REGISTRY_PORT" info v
  info=$(registry_curl "$REGISTRY_URL/apis/registry/v2/system/info" 2>/dev/null) || { status_line registry down "$addr" -; return 1; }
  v=$(sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' <<<"$info")
  status_line registry up "$addr" "Apicurio Registry ${v:-?} (ccompat v7, sql/postgresql)"
}
