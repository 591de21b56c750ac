#!/usr/bin/env bash
# One pinned Go tool, built once per machine: `go_install module@version GOBIN [LOGFILE]`.
# Sourced by shell code (stack components), or run as a script by Node (scripts/k8s-tools.mjs), which
# builds each pair in turn:
#   bash deploy/local/lib/go-install.sh [--log FILE] module@version GOBIN [module@version GOBIN ...]
# Safe to call from several processes at once: a lock per GOBIN makes a second caller wait for the
# build already running (a background prefetch) and then find the binary, instead of compiling it again.
# The binary is built into a temporary directory renamed into place, so a killed build never leaves a
# half-written binary behind. Go's module and build caches (GOMODCACHE, GOCACHE) are Go's persistent
# per-user defaults unless set, so tools share downloaded modules and a version bump recompiles only
# what changed.

# go_install_go_binary: the go command on PATH, or the official tarball's location.
go_install_go_binary() {
  if command -v go >/dev/null; then command -v go; return 0; fi
  [[ -x /usr/local/go/bin/go ]] && { echo /usr/local/go/bin/go; return 0; }
  return 1
}

# go_install_bin_name module@version: the binary `go install` writes (the path's last element that is
# not a major-version suffix: helm.sh/helm/v3/cmd/helm → helm, example.com/tool/v2 → tool).
go_install_bin_name() {
  local path=${1%@*}
  [[ ${path##*/} =~ ^v[0-9]+$ ]] && path=${path%/*}
  echo "${path##*/}"
}

# go_install module@version GOBIN [LOGFILE]: builds the tool into GOBIN unless it is already there.
# A subshell, so the lock's file descriptor and the redirection never outlive the build. Output goes to
# LOGFILE (appended) or stderr.
go_install() (
  local spec=$1 gobin=$2 go binary
  if [[ -n ${3:-} ]]; then exec >>"$3" 2>&1; else exec 1>&2; fi
  binary="$gobin/$(go_install_bin_name "$spec")"
  [[ -x $binary ]] && return 0
  go=$(go_install_go_binary) || { echo "go not found: install Go or put it on PATH"; return 1; }
  mkdir -p "$(dirname "$gobin")"
  exec 9>"$gobin.lock"
  flock 9
  [[ -x $binary ]] && return 0 # built by the holder of the lock while we waited
  rm -rf "$gobin.tmp"
  printf '===== %s go install %s =====\n' "$(date -Is)" "$spec"
  GOBIN="$gobin.tmp" CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$go" install "$spec" || return 1
  rm -rf "$gobin" && mv "$gobin.tmp" "$gobin"
)

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  logfile=
  [[ ${1:-} == --log ]] && { logfile=$2; shift 2; }
  [[ $# -ge 2 && $(($# % 2)) -eq 0 ]] || {
    echo "usage: $0 [--log FILE] module@version GOBIN [module@version GOBIN ...]" >&2
    exit 2
  }
  while [[ $# -gt 0 ]]; do
    go_install "$1" "$2" "$logfile"
    shift 2
  done
fi
