# Go-built components: `go install module@version` started in the background at the very start of
# `stack.sh up`, so minutes of compiling overlap with the apt/Maven provisioning instead of adding to it.
# Sourced by stack.sh after common.sh.
#
# A component declares its tool with a `<name>_go_tool` function printing `module@version`.
# Binaries go to $GO_BIN_CACHE/<module path with / as _>@<version>/ (outside the checkout, so every checkout
# on the machine shares one build; a version bump builds beside the old one, never over a running binary).
# Go's module and build caches (GOMODCACHE, GOCACHE) are Go's own persistent defaults unless set, so a
# rebuild after a version bump only compiles what changed.

GO_BIN_CACHE=${STACK_GO_BIN_CACHE:-/var/cache/portfolioos/go-bin}
declare -A GO_TOOL_PIDS=()

# shellcheck source=go-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/go-install.sh"

# go_tool_dir module@version: the binary's directory, keyed by module path and version.
go_tool_dir() { echo "$GO_BIN_CACHE/${1//\//_}"; }

# go_tool_path module@version: where the installed binary lives.
go_tool_path() { echo "$(go_tool_dir "$1")/$(go_install_bin_name "$1")"; }

# go_tool_bin component: the component's binary.
go_tool_bin() { go_tool_path "$("$1_go_tool")"; }

# go_tool_build module@version logfile: the blocking build (go-install.sh: locked, atomic), run in the
# background by go_tools_prefetch.
go_tool_build() {
  mkdir -p "$GO_BIN_CACHE"
  go_install "$1" "$(go_tool_dir "$1")" "$2"
}

# go_tools_prefetch component...: starts one background build per Go component that `up` will provision
# (the same condition as stack_up: not answering, or ours) and whose binary is not built yet.
go_tools_prefetch() {
  local component spec
  for component in "$@"; do
    declare -F "${component}_go_tool" >/dev/null || continue
    "${component}_answering" && ! pid_alive "$component" && continue
    spec=$("${component}_go_tool")
    [[ -x $(go_tool_path "$spec") ]] && continue
    log "$component: building $spec in the background (first time on this machine: minutes)"
    go_tool_build "$spec" "$LOG_DIR/go-$component.log" &
    GO_TOOL_PIDS[$component]=$!
  done
}

# go_tool_wait component: blocks until the component's binary is built (starting the build if no prefetch
# did); dies with the build log's tail when it failed.
go_tool_wait() {
  local component=$1 spec path pid
  spec=$("${component}_go_tool")
  path=$(go_tool_path "$spec")
  pid=${GO_TOOL_PIDS[$component]:-}
  if [[ -n $pid ]]; then
    [[ -x $path ]] || log "$component: waiting for the go install of $spec"
    wait "$pid" || true
    unset "GO_TOOL_PIDS[$component]"
  elif [[ ! -x $path ]]; then
    log "$component: building $spec (first time on this machine: minutes)"
    go_tool_build "$spec" "$LOG_DIR/go-$component.log" || true
  fi
  [[ -x $path ]] || { tail -n 20 "$LOG_DIR/go-$component.log" >&2; die "$component: go install $spec failed (see $LOG_DIR/go-$component.log)"; }
}

# go_tool_version component: the pinned module version. `go install` builds carry no release version of
# their own (they report "dev", "git" or "master"), so status shows this instead.
go_tool_version() {
  local spec
  spec=$("$1_go_tool")
  echo "${spec##*@}"
}
