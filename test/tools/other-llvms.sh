#!/usr/bin/env bash
# other-llvms.sh N PLUGIN_DIR: loads this build of the Clang plugin
# (PLUGIN_DIR/fortify-clang-N.so) into every installed clang and opt of
# another LLVM, and the loader (PLUGIN_DIR/fortify-clang.so) where no build
# for that LLVM is beside it. Each must fail with status 1 and one line
# (never a crash, never a silent success); prints that line per load, for
# FileCheck. Also checks that the build works in its own clang and opt.
set -uo pipefail
n=$1 dir=$2
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
printf 'int main(void) { return 0; }\n' >"$smoke/x.c"
printf 'define void @f() {\n  ret void\n}\n' >"$smoke/x.ll"
# load M KIND PLUGIN EXPECT (works or refused): prints one verdict line.
load() {
  local m=$1 kind=$2 plugin=$3 expect=$4 bin=/usr/lib/llvm-$1/bin rc lines opaque=""
  # LLVM 14 makes typed pointers by default. -fplugin= turns opaque ones on
  # (the file is loaded before clang makes its module); -fpass-plugin= alone
  # is loaded after, and there the plugin refuses typed pointers with one
  # error: clang-14 needs -mllvm -opaque-pointers with it, opt-14 -opaque-pointers.
  local clang_opaque=()
  [ "$m" = 14 ] && opaque=-opaque-pointers && clang_opaque=(-mllvm -opaque-pointers)
  case $kind in
    fplugin) "$bin/clang" -fplugin="$plugin" -c "$smoke/x.c" -o "$smoke/x.o" 2>"$smoke/err" ;;
    fpass-plugin) "$bin/clang" "${clang_opaque[@]}" -fpass-plugin="$plugin" -c "$smoke/x.c" -o "$smoke/x.o" 2>"$smoke/err" ;;
    opt) "$bin/opt" $opaque -load-pass-plugin="$plugin" -passes=fortify -disable-output "$smoke/x.ll" 2>"$smoke/err" ;;
  esac
  rc=$?
  lines=$(wc -l <"$smoke/err")
  local what="$kind llvm-$m $(basename "$plugin")"
  if [ "$expect" = works ] && [ $rc = 0 ] && [ "$lines" = 0 ]; then
    echo "$what: works"
  elif [ "$expect" = refused ] && [ $rc = 1 ] && [ "$lines" = 1 ] &&
       grep -Eq "^error: fortify-clang(-[0-9]+)?\.so(: no build of the plugin for this LLVM [0-9.]+: | was built for LLVM [0-9.]+, this is LLVM [0-9.]+: use )" "$smoke/err"; then
    echo "$what: refused: $(cat "$smoke/err")"
  else
    echo "$what: FAIL (expected $expect; status $rc, $lines lines: $(head -c 300 "$smoke/err" | tr '\n' ' '))"
  fi
}
for kind in fplugin fpass-plugin opt; do
  load "$n" $kind "$dir/fortify-clang-$n.so" works
  load "$n" $kind "$dir/fortify-clang.so" works
done
for m in 14 15 16 17 18 19 20; do
  [ "$m" != "$n" ] && [ -x "/usr/lib/llvm-$m/bin/clang" ] || continue
  for kind in fplugin fpass-plugin opt; do
    load "$m" $kind "$dir/fortify-clang-$n.so" refused
    [ -f "$dir/fortify-clang-$m.so" ] || load "$m" $kind "$dir/fortify-clang.so" refused
  done
done
