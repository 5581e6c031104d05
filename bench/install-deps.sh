#!/usr/bin/env bash
# Installs what the benchmarks need on Debian 12 (as root), on top of what
# scripts/install-deps.sh installs for building the plugins. Idempotent: skips
# apt when every package is already installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages=(
  gcc-12-source                      # gcc.c-torture/execute (tarball in /usr/src/gcc-12)
  xz-utils                           # to unpack it
  csmith libcsmith-dev               # random programs and their csmith.h
  make bzip2                         # xz's release tarball: configure, make check
  valgrind                           # callgrind instruction counts
  hyperfine                          # wall time
  time                               # /usr/bin/time for compile-time user CPU
  binutils python3                   # size/readelf, aggregation
)
# `npm pack better-sqlite3` fetches the SQLite amalgamation. Any npm will do
# (a nodejs that bundles npm conflicts with Debian's npm package).
command -v npm >/dev/null || packages+=(npm)
"$root/scripts/install-deps.sh" "${packages[@]}"
