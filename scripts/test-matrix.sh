#!/usr/bin/env bash
# Builds and tests the plugins for every compiler version this machine has
# (issue 14), one section per compiler family, each in scripts/matrix/:
#   llvm.sh   the Clang plugin for LLVM 14, 15, 16 and 19: a build and the
#             lit suite per version, then every built plugin loaded into
#             every installed clang and opt (works, or one clear error);
#   gcc.sh    the GCC plugin for each GCC (and cross GCC) with plugin headers.
# Results go to $MATRIX_DIR (default build-matrix/): a log per build and a
# summary table per family (llvm.md, gcc.md), printed at the end.
#
#   scripts/test-matrix.sh [llvm|gcc]...     (default: every family)
# Exits non-zero when any build, suite or cross-version load fails.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export MATRIX_DIR="${MATRIX_DIR:-$root/build-matrix}"
mkdir -p "$MATRIX_DIR"
families=("$@")
[ ${#families[@]} -gt 0 ] || families=(llvm gcc)
status=0
for family in "${families[@]}"; do
  script="$root/scripts/matrix/$family.sh"
  if [ ! -x "$script" ]; then
    echo "test-matrix: no $script" >&2
    status=1
    continue
  fi
  echo "== $family"
  "$script" || status=1
done
for family in "${families[@]}"; do
  [ -f "$MATRIX_DIR/$family.md" ] && { echo; cat "$MATRIX_DIR/$family.md"; }
done
exit $status
