#!/usr/bin/env bash
# Compile-only CPU cost of a plugin on a package's own sources, interleaved
# (without, with, without, with, ...) so that a shared machine's load falls on
# both alike. The build-level figure of distro-rebuild.sh varies by +-10% a
# package on 2 shared cores; this one by about +-1.5%.
#
#   bench/distro/compile-abab.sh --cc gcc --plugin DIR/fortify.so --reps 4 \
#       --flags "-DHAVE_CONFIG_H -I. -I.. ..." FILE.c...
#   bench/distro/compile-abab.sh --cc clang-19 --plugin DIR/fortify-clang.so ...
#
# Each file is preprocessed once (with the flags, -D_FORTIFY_SOURCE=2 and
# -O2 as Debian builds), then compiled -g -O2 -fstack-protector-strong with
# and without -fplugin=PLUGIN. Prints user+sys seconds of each pass and the
# ratio of the sums.
set -euo pipefail
cc=gcc plugin="" reps=4 flags=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cc) cc="$2"; shift 2 ;;
    --plugin) plugin="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --flags) flags="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ -n "$plugin" ] && [ $# -gt 0 ] || { echo "usage: $0 --cc CC --plugin SO [--reps N] [--flags F] FILE.c..." >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
n=0
for f in "$@"; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  "$cc" $flags -Wdate-time -D_FORTIFY_SOURCE=2 -O2 -E "$f" -o "$tmp/$n.i"
done
base=0 plug=0
for rep in $(seq "$reps"); do
  for mode in base plug; do
    extra=""; [ $mode = plug ] && extra="-fplugin=$plugin"
    /usr/bin/time -f '%U %S' -o "$tmp/t" sh -c "for i in \$(seq $n); do $cc -g -O2 -fstack-protector-strong -w $extra -c $tmp/\$i.i -o $tmp/\$i.o || exit 1; done"
    s="$(awk '{print $1 + $2}' "$tmp/t")"
    echo "rep $rep $mode ${s}s"
    if [ $mode = base ]; then base="$(echo "$base + $s" | bc)"; else plug="$(echo "$plug + $s" | bc)"; fi
  done
done
echo "sum: without ${base}s, with ${plug}s: $(echo "scale=6; r = ($plug / $base - 1) * 100; scale=2; r / 1" | bc)%"
