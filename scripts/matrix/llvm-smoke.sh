#!/usr/bin/env bash
# CI's cheap run of the Clang plugin on an older LLVM (default 14): builds the
# plugin for it in build-llvmN/ (or $SMOKE_BUILD_DIR) and runs a handful of
# the lit suite's run-time tests against that LLVM's clang and opt, with the
# cross-version loads (test/clang/other-llvms.test). CI (.ci/run) runs it
# for LLVM 14. The whole suite per
# version is scripts/test-matrix.sh llvm.
#   scripts/matrix/llvm-smoke.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
v="${1:-14}"
build="${SMOKE_BUILD_DIR:-$root/build-llvm$v}"
tests='clang/(other-llvms\.test|memcpy\.c|abort-message\.c|intrinsics\.ll|double-load\.c|musl\.c)|functions/(memcpy|strcpy|snprintf|read|fgets)\.c'
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFORTIFY_LLVM_VERSION="$v" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
lit="$(sed -n 's/^LIT_EXECUTABLE:FILEPATH=//p' "$build/CMakeCache.txt")"
python3 "$lit" -sv --filter "^fortify :: ($tests)\$" "$build/test"
