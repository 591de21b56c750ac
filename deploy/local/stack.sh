#!/usr/bin/env bash
# Local infrastructure as plain processes (no container engine):
#   stack.sh up|status|down [component...]
# State, logs and pidfiles live in <repo>/.stack/. See deploy/local/README.md.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_DIR="$REPO_ROOT/.stack"
# Start order; stop runs in reverse. registry needs postgres, nginx comes last.
ALL_COMPONENTS=(postgres redis kafka elasticsearch registry versitygw stripe-mock mailpit zipkin prism-twilio prism-docusign sendgrid-standin chromium nginx)

usage() { echo "usage: $0 up|status|down [${ALL_COMPONENTS[*]}]" >&2; exit 2; }

# up/down install packages, switch OS users and signal root-owned processes: they need root.
# status only reads, so it runs as anyone.
if [[ $(id -u) -ne 0 && ${1:-} != status ]]; then
  if command -v sudo >/dev/null; then
    exec sudo --preserve-env=CI,STACK_JAVA_HOME,STACK_USER,STACK_MAVEN_SETTINGS,STACK_GO_BIN_CACHE,GOPROXY,PORTFOLIOOS_SHARED_DIR bash "$0" "$@"
  fi
  echo "stack.sh must run as root (or with sudo available)" >&2
  exit 1
fi

# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/go-tools.sh
source "$SCRIPT_DIR/lib/go-tools.sh"
for component in "${ALL_COMPONENTS[@]}"; do
  # shellcheck disable=SC1090 # one file per component: components/<name>.sh
  source "$SCRIPT_DIR/components/$component.sh"
done

[[ $# -ge 1 ]] || usage
command=$1; shift
selected=("$@")
[[ ${#selected[@]} -gt 0 ]] || selected=("${ALL_COMPONENTS[@]}")
for component in "${selected[@]}"; do
  [[ " ${ALL_COMPONENTS[*]} " == *" $component "* ]] || die "unknown component: $component"
done

stack_status() {
  local rc=0 component
  for component in "${selected[@]}"; do
    "${component}_status" || rc=1
  done
  return $rc
}

stack_up() {
  local started=$SECONDS component
  ensure_stack_dirs
  # Go builds take minutes on a fresh machine: started first, they overlap with everything below.
  go_tools_prefetch "${selected[@]}"
  ensure_debs curl ca-certificates iproute2
  for component in "${selected[@]}"; do
    # A healthy instance this checkout did not start (another checkout's stack, a CI service)
    # is reused as is; provisioning our own copy of it would only cost time.
    if ! "${component}_answering" || pid_alive "$component"; then
      "${component}_provision"
    fi
    "${component}_start"
  done
  log "stack up in $((SECONDS - started))s"
  stack_status
}

stack_down() {
  local i
  for ((i = ${#selected[@]} - 1; i >= 0; i--)); do
    "${selected[i]}_stop"
  done
  log "stack down (data kept in $STACK_DIR)"
}

case $command in
  up) stack_up ;;
  status) stack_status ;;
  down) stack_down ;;
  *) usage ;;
esac
