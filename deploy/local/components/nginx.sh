# Local ingress: nginx on 127.0.0.1:8080, config rendered from deploy/routes.json.

NGINX_DIR="$STACK_DIR/nginx"
NGINX_CONF="$NGINX_DIR/nginx.conf"
NGINX_LOG="$LOG_DIR/nginx.log"
NGINX_PORT=8080

nginx_cmd() { nginx -p "$NGINX_DIR" -c "$NGINX_CONF" -e "$NGINX_LOG" "$@"; }

nginx_provision() {
  ensure_debs nginx-light
  command -v node >/dev/null || die "Node.js 20+ is required to render the nginx config: install nodejs"
  ensure_system_user "$STACK_USER"
  mkdir -p "$NGINX_DIR/tmp"
  chown "$STACK_USER:" "$NGINX_DIR/tmp"
  node "$SCRIPT_DIR/render-nginx.mjs" --routes "$REPO_ROOT/deploy/routes.json" --state-dir "$STACK_DIR" \
    --user "$STACK_USER" --out "$NGINX_CONF.new" || die "nginx: rendering the config from deploy/routes.json failed"
  nginx -t -q -p "$NGINX_DIR" -c "$NGINX_CONF.new" -e "$NGINX_LOG" 2>>"$NGINX_LOG" \
    || { tail -n 10 "$NGINX_LOG" >&2; die "nginx: generated config is invalid ($NGINX_CONF.new)"; }
  if cmp -s "$NGINX_CONF.new" "$NGINX_CONF"; then
    rm -f "$NGINX_CONF.new"
  else
    mv "$NGINX_CONF.new" "$NGINX_CONF"
    NGINX_CONFIG_CHANGED=1
  fi
}

nginx_healthy() { curl -fsS --max-time 3 "http://127.0.0.1:$NGINX_PORT/healthz" >/dev/null 2>&1; }

nginx_answering() { nginx_healthy; }

nginx_start() {
  if nginx_healthy && ! pid_alive nginx; then
    note_reused nginx $NGINX_PORT
    return 0
  fi
  if pid_alive nginx && nginx_healthy; then
    if [[ ${NGINX_CONFIG_CHANGED:-0} -eq 1 ]]; then
      log "nginx: routes changed, reloading"
      nginx_cmd -s reload
    else
      log "nginx: already running"
    fi
    return 0
  fi
  assert_port_free $NGINX_PORT nginx
  log "nginx: starting ingress on 127.0.0.1:$NGINX_PORT"
  nginx_cmd || { tail -n 20 "$NGINX_LOG" >&2; die "nginx: failed to start"; }
  wait_until 15 nginx "$NGINX_LOG" nginx_healthy || die "nginx: /healthz not answering"
}

# nginx treats SIGQUIT as graceful shutdown (finish in-flight requests).
nginx_stop() { stop_pidfile nginx 15 QUIT; }

nginx_status() {
  local addr="127.0.0.1:$NGINX_PORT" v
  nginx_healthy || { status_line nginx down "$addr" -; return 1; }
  v=$(nginx -v 2>&1 | sed -n 's|.*nginx/||p')
  status_line nginx up "$addr" "nginx $v (routes: deploy/routes.json)"
}
