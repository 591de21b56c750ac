# stripe-mock (Stripe's own API stand-in) built with `go install`: HTTP on 127.0.0.1:12111, HTTPS on
# 127.0.0.1:12112 (self-signed). Stateless: it validates requests against Stripe's OpenAPI spec and answers
# with fixtures; it remembers nothing and sends no webhooks, so tests sign their own events.

STRIPE_MOCK_LOG="$LOG_DIR/stripe-mock.log"
STRIPE_MOCK_PORT=12111
STRIPE_MOCK_HTTPS_PORT=12112

stripe-mock_go_tool() { echo github.com/stripe/stripe-mock@v0.203.0; }

stripe-mock_provision() { go_tool_wait stripe-mock; }

# Any API key is accepted; a 200 with a customer object is stripe-mock's own answer.
stripe-mock_answering() {
  curl -fsS --max-time 5 -u sk_test_stack: "http://127.0.0.1:$STRIPE_MOCK_PORT/v1/customers/cus_stack" 2>/dev/null \
    | grep -q '"object": *"customer"'
}

stripe-mock_start() {
  already_up stripe-mock $STRIPE_MOCK_PORT && return 0
  assert_port_free $STRIPE_MOCK_PORT stripe-mock
  assert_port_free $STRIPE_MOCK_HTTPS_PORT stripe-mock
  log "stripe-mock: starting on 127.0.0.1:$STRIPE_MOCK_PORT (HTTPS :$STRIPE_MOCK_HTTPS_PORT)"
  start_daemon stripe-mock "$STRIPE_MOCK_LOG" "$(go_tool_bin stripe-mock)" \
    -http-addr "127.0.0.1:$STRIPE_MOCK_PORT" -https-addr "127.0.0.1:$STRIPE_MOCK_HTTPS_PORT"
  wait_until 30 stripe-mock "$STRIPE_MOCK_LOG" stripe-mock_answering || die "stripe-mock: not answering"
}

stripe-mock_stop() { stop_pidfile stripe-mock 30; }

stripe-mock_status() {
  local addr="127.0.0.1:$STRIPE_MOCK_PORT"
  stripe-mock_answering || { status_line stripe-mock down "$addr" -; return 1; }
  status_line stripe-mock up "$addr" "stripe-mock $(go_tool_version stripe-mock) (HTTPS :$STRIPE_MOCK_HTTPS_PORT)"
}
