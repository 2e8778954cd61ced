#!/usr/bin/env bash
# Installs Debian's chromium for the report test (ReportInBrowserTest), which opens every kind of
# report.html headless. Exit 0: chromium is on PATH; exit 3: it cannot be installed here (no
# apt-get, not root, or apt failed), and the message says why.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get on this machine; install chromium by hand" >&2; exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: apt-get install chromium needs root: sudo apt-get install -y chromium" >&2; exit 3
fi
echo "install-chromium: apt-get install chromium..." >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2; then
  echo "install-chromium: apt-get install chromium failed" >&2; exit 3
fi
command -v chromium >/dev/null 2>&1 || { echo "install-chromium: chromium still not on PATH" >&2; exit 3; }
