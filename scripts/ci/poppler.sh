#!/usr/bin/env bash
# pdftotext (poppler-utils) for the rendering tests that read the exported PDFs back with it
# (test/unit/rendering/pdftotext.test.ts): installs Debian's poppler-utils when `pdftotext` is
# missing, running `apt-get update` once first when the package is not in the lists yet, or when
# installing from the lists as they are fails (they are stale).
# CI runs it from .ci/run before the tests; on a developer machine without it those tests skip.
#
#   bash scripts/ci/poppler.sh
set -euo pipefail

if command -v pdftotext >/dev/null 2>&1; then
  echo "pdftotext: $(pdftotext -v 2>&1 | head -n 1)"
  exit 0
fi

sudo_cmd=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "poppler.sh: pdftotext is missing and installing poppler-utils needs root or sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
install() { "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null; }
if ! apt-cache show poppler-utils >/dev/null 2>&1 || ! install; then
  "${sudo_cmd[@]}" apt-get update -qq
  install
fi
echo "pdftotext: $(pdftotext -v 2>&1 | head -n 1)"
