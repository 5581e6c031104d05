#!/usr/bin/env bash
# The main job: install, build, then compile a program with an overflowing
# strcpy with the plugin and show it stopped, on glibc and on musl.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

demo="$root/docs/demo/overflow.c"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
plugin="$build/gcc-plugin/fortify.so"

run() {  # run a command, show how it ended
  local status=0
  "$@" || status=$?
  if [ $status -gt 128 ]; then
    echo "    -> stopped by signal $((status - 128)) ($(kill -l $((status - 128))))"
  else
    echo "    -> exit status $status"
  fi
}

echo "== $demo"
sed -n '/^int main/,$p' "$demo"
echo
echo "== without the plugin: gcc -O0 (the 10-byte name silently overwrites is_admin)"
gcc -O0 -w "$demo" -o "$out/plain"
run "$out/plain" "12345678X"
for cc in gcc musl-gcc; do
  for opt in -O0 -O2; do
    echo "== $cc $opt -fplugin=fortify.so -fplugin-arg-fortify-mode=abort"
    $cc $opt -w -fplugin="$plugin" -fplugin-arg-fortify-mode=abort "$demo" -o "$out/demo"
    run "$out/demo" "short"
    run "$out/demo" "12345678X"
  done
done
if [ -f "$build/clang-plugin/fortify-clang.so" ]; then
  for opt in -O0 -O2; do
    echo "== clang-19 $opt -gline-tables-only -fplugin=fortify-clang.so -fplugin-arg-fortify-mode=abort"
    # Clang knows source lines only with debug info: -gline-tables-only is enough.
    clang-19 $opt -gline-tables-only -w -fplugin="$build/clang-plugin/fortify-clang.so" -fplugin-arg-fortify-mode=abort "$demo" -o "$out/demo"
    run "$out/demo" "short"
    run "$out/demo" "12345678X"
  done
fi
