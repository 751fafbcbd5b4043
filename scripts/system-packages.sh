#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are missing (as root, through apt-get);
# otherwise says in one line what to run. Known names: python3-venv, chromium, git.
set -euo pipefail

present() {
  case "$1" in
    python3-venv) python3 -c 'import ensurepip, venv' 2>/dev/null ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

missing=()
for package in "$@"; do
  present "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "error: missing system packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
