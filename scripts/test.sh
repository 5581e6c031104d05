#!/usr/bin/env bash
# Installs, builds from scratch in build-test/ (or $BUILD_DIR), and runs the
# whole suite: unit tests and lit. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export BUILD_DIR="${BUILD_DIR:-$root/build-test}"
"$root/scripts/install-deps.sh"
rm -rf "$BUILD_DIR"
"$root/scripts/build.sh"
cmake --build "$BUILD_DIR" --target check
