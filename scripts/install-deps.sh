#!/usr/bin/env bash
# Installs everything the build and the tests need on Debian 12 (as root),
# plus any packages named as arguments (bench/install-deps.sh passes its own).
# --matrix adds what scripts/test-matrix.sh needs beyond CI (the aarch64
# cross compiler, its plugin headers and C library, qemu-user-static; LLVM
# 15 and 16 with their Clang, tools and lld).
# Skips apt when every package is already there, so repeated runs are quick.
set -euo pipefail

packages=(
  build-essential cmake ninja-build python3
  gcc-12-plugin-dev                       # GCC plugin headers
  clang-19 llvm-19-dev libclang-19-dev     # Clang/LLVM 19 plugin
  llvm-19-tools lld-19                     # lit, FileCheck, not; LTO linker
  clang-14 llvm-14-dev libclang-14-dev     # the Clang plugin for LLVM 14 (CI's smoke run)
  llvm-14-tools lld-14
  musl-tools                               # musl-gcc and musl headers
  libgtest-dev                             # unit tests
  ccache pkg-config groff-base             # wrappers with ccache, the installed tree
  gfortran                                 # the GCC plugin in another front end
  gcc-11 g++-11 gcc-11-plugin-dev          # GCC 11 (CI's smoke run, the matrix)
  devscripts checksec                      # hardening-check and checksec (test/chk/mode-chk-hardening.test)
)
for arg in "$@"; do
  case "$arg" in
    --matrix) packages+=(gcc-12-aarch64-linux-gnu g++-12-aarch64-linux-gnu
                         gcc-12-plugin-dev-aarch64-linux-gnu libc6-dev-arm64-cross
                         qemu-user-static
                         # the Clang plugin for LLVM 15 and 16 (scripts/matrix/llvm.sh):
                         # headers, clang, FileCheck and the LTO tests' linker
                         clang-15 llvm-15-dev libclang-15-dev llvm-15-tools lld-15
                         clang-16 llvm-16-dev libclang-16-dev llvm-16-tools lld-16) ;;
    *) packages+=("$arg") ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root (or install them)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
