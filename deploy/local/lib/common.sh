# Shared helpers for deploy/local: logging, prerequisites, ports, pidfiles.
# Sourced by stack.sh; expects REPO_ROOT and STACK_DIR to be set.

log() { printf '[stack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[stack %s] WARN: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[stack %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

LOG_DIR="$STACK_DIR/logs"
RUN_DIR="$STACK_DIR/run"
LIB_DIR="$STACK_DIR/lib"
# The non-root OS user for processes that refuse to run as root (Elasticsearch).
STACK_USER="${STACK_USER:-portfolioos}"

ensure_stack_dirs() {
  mkdir -p "$LOG_DIR" "$RUN_DIR" "$LIB_DIR"
  chmod 0755 "$STACK_DIR" "$LOG_DIR" "$RUN_DIR" "$LIB_DIR"
}

# --- prerequisites -----------------------------------------------------------

APT_UPDATED=0
# Installs the given Debian packages when missing. Distro services are kept from
# auto-starting during the install (policy-rc.d), so they never grab our ports.
ensure_debs() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get: install them manually"
  log "installing Debian packages: ${missing[*]}"
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 0755 "$policy" && created_policy=1
  fi
  local rc=0
  if [[ $APT_UPDATED -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -q >"$LOG_DIR/apt.log" 2>&1 || rc=$?
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >>"$LOG_DIR/apt.log" 2>&1 || rc=$?
  [[ $created_policy -eq 1 ]] && rm -f "$policy"
  if [[ $rc -ne 0 ]]; then
    tail -n 20 "$LOG_DIR/apt.log" >&2
    die "apt-get install failed for: ${missing[*]} (see $LOG_DIR/apt.log)"
  fi
}

# Picks a Java >= 17 for the JVM components; honours STACK_JAVA_HOME.
find_java_home() {
  local candidate
  for candidate in "${STACK_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 \
    /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-arm64 "${JAVA_HOME:-}"; do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    java_major "$candidate/bin/java" >/dev/null && { echo "$candidate"; return 0; }
  done
  if command -v java >/dev/null && java_major java >/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0
  fi
  return 1
}

# Prints the major version of the given java binary; fails when below 17.
java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
  v=${v%%.*}
  [[ -n $v && $v -ge 17 ]] && echo "$v"
}

ensure_java_and_maven() {
  if [[ -z ${JAVA_HOME_17:-} ]]; then
    JAVA_HOME_17=$(find_java_home) || {
      ensure_debs openjdk-17-jdk-headless
      JAVA_HOME_17=$(find_java_home) || die "Java 17+ is required: apt-get install openjdk-17-jdk-headless"
    }
    export JAVA_HOME_17
  fi
  command -v mvn >/dev/null || ensure_debs maven
  command -v mvn >/dev/null || die "Maven is required: apt-get install maven"
}

# Runs Maven quietly with the chosen JDK; output goes to the given log. Resolution goes to Maven
# Central only (deploy/local/maven/settings.xml) unless STACK_MAVEN_SETTINGS names other settings.
run_maven() {
  local logfile=$1; shift
  printf '\n===== %s mvn %s =====\n' "$(date -Is)" "$*" >>"$logfile"
  JAVA_HOME="$JAVA_HOME_17" mvn -B -q -s "${STACK_MAVEN_SETTINGS:-$SCRIPT_DIR/maven/settings.xml}" "$@" >>"$logfile" 2>&1
}

ensure_system_user() {
  local user=$1
  id -u "$user" >/dev/null 2>&1 && return 0
  log "creating system user $user"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin --user-group "$user"
}

# Fails with a clear message when $user cannot reach $dir (e.g. a 0700 home).
assert_user_can_reach() {
  local user=$1 dir=$2
  runuser -u "$user" -- test -x "$dir" && return 0
  die "OS user '$user' cannot traverse to $dir; allow it (e.g. chmod o+x on each parent directory) or move the repo"
}

# --- ports and processes -----------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until TIMEOUT_S DESCRIPTION LOGFILE CMD...: polls CMD every second.
wait_until() {
  local timeout=$1 what=$2 logfile=$3; shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      warn "$what not ready after ${timeout}s; last lines of $logfile:"
      [[ -f $logfile ]] && tail -n 40 "$logfile" >&2
      return 1
    fi
    sleep 1
  done
}

# The process may remove its own pidfile while we read it (nginx does), hence the quiet read.
pid_of() { local f="$RUN_DIR/$1.pid"; [[ -s $f ]] && tr -dc '0-9' 2>/dev/null <"$f"; }

# /proc rather than kill -0, so a non-root `status` can see root-owned processes.
pid_alive() {
  local pid
  pid=$(pid_of "$1") || return 1
  [[ -n $pid && -d /proc/$pid ]]
}

# Logs that a healthy service we did not start (another checkout's stack, a CI service) is reused.
note_reused() { log "$1: reusing the instance already answering on 127.0.0.1:$2 (not started from this checkout)"; }

# already_up NAME PORT: succeeds (saying whose it is) when NAME_answering does, so NAME_start has nothing to do.
already_up() {
  "$1_answering" || return 1
  if pid_alive "$1"; then log "$1: already running"; else note_reused "$1" "$2"; fi
}

# Refuses to start when a port is held by something we did not start.
assert_port_free() {
  local port=$1 name=$2
  port_open "$port" || return 0
  local holder
  holder=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\1 pid \2/p' | head -n1)
  die "port $port needed by $name is already in use${holder:+ by $holder}; stop it first"
}

# stop_pidfile NAME TIMEOUT_S [SIGNAL]: SIGNAL (default TERM), wait, then SIGKILL as a last resort.
stop_pidfile() {
  local name=$1 timeout=${2:-30} signal=${3:-TERM} pid
  pid=$(pid_of "$name") || true
  if [[ -z $pid || ! -d /proc/$pid ]]; then
    rm -f "$RUN_DIR/$name.pid"
    return 0
  fi
  log "stopping $name (pid $pid, SIG$signal)"
  kill "-$signal" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while [[ -d /proc/$pid ]]; do
    if ((SECONDS >= deadline)); then
      warn "$name did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
  done
  rm -f "$RUN_DIR/$name.pid"
}

# start_daemon NAME LOGFILE CMD...: runs CMD detached in its own session.
start_daemon() {
  local name=$1 logfile=$2; shift 2
  printf '\n===== %s starting %s =====\n' "$(date -Is)" "$name" >>"$logfile"
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

# status_line NAME STATE ADDRESS VERSION
status_line() { printf '%-17s %-5s %-22s %s\n' "$1" "$2" "$3" "$4"; }
