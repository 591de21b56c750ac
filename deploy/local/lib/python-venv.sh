#!/usr/bin/env bash
# A Python tool from PyPI in its own venv, built once per machine: `python-venv.sh NAME REQUIREMENTS`
# prints the venv's bin directory (e.g. for `npm run fuzz`: schemathesis from deploy/local/python/).
# The venv lives outside the checkout, under $PYTHON_VENV_CACHE/<NAME>-<key>, the key being a hash of the
# requirements file and the Python version: every checkout on the machine shares one install, a bump of a
# pin builds beside the old venv (never over one in use), and a warm machine reuses it in milliseconds.
# A lock per venv makes a second caller wait for the install in progress; a venv counts as installed only
# once its marker file is written last (a venv cannot be renamed: its scripts name their own path), so a
# killed install is started over, never used half-made.
set -euo pipefail

PYTHON_VENV_CACHE=${PYTHON_VENV_CACHE:-/var/cache/portfolioos/python-venvs}

# python_for_venvs: a python3 that can create venvs. Debian's system Python ships venv separately
# (python3-venv), so a fresh Debian machine gets it from apt when we are root.
python_for_venvs() {
  if command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; then
    command -v python3
    return 0
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "python-venv: installing python3 and python3-venv (apt)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3 python3-venv >&2
    command -v python3
    return 0
  fi
  echo "python-venv: needs python3 with the venv module (Debian: apt-get install python3-venv)" >&2
  return 1
}

# python_venv NAME REQUIREMENTS: the venv's bin directory on stdout; installs it when missing.
python_venv() (
  local name=$1 requirements=$2 python key dir
  python=$(python_for_venvs)
  key=$({ sha256sum "$requirements" | cut -c1-16; "$python" -c 'import sys; print(sys.version)'; } |
    sha256sum | cut -c1-12)
  dir="$PYTHON_VENV_CACHE/$name-$key"
  if [[ ! -e $dir/.installed ]]; then
    mkdir -p "$PYTHON_VENV_CACHE"
    exec 9>"$dir.lock"
    flock 9
    if [[ ! -e $dir/.installed ]]; then # not installed by the holder of the lock while we waited
      echo "python-venv: installing $name from $requirements into $dir (first time on this machine)" >&2
      rm -rf "$dir"
      "$python" -m venv "$dir" >&2
      "$dir/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$requirements" >&2
      touch "$dir/.installed"
    fi
  fi
  echo "$dir/bin"
)

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  [[ $# -eq 2 ]] || {
    echo "usage: $0 NAME REQUIREMENTS" >&2
    exit 2
  }
  python_venv "$1" "$2"
fi
