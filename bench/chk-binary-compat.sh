#!/usr/bin/env bash
# libfortify_chk's binary-compatibility demonstration (docs/CHK-ABI.md): real
# libraries compiled on glibc with -O2 -D_FORTIFY_SOURCE=2 (so they import
# glibc's __*_chk), linked into musl programs with libfortify_chk, and their
# tests run.
#   zlib:   every library object on glibc; zlib's test/example.c and
#           test/minigzip.c on musl, -static; minigzip round trip (gzip agrees)
#   SQLite: the amalgamation (bench/sqlite-fetch.sh) on glibc;
#           bench/sqlite-workload.c on musl, static and dynamic; its checksum
#           must equal an all-glibc build's
#
#   bench/chk-binary-compat.sh [BUILD_DIR]      (default build/)
#   ZLIB_SRC=DIR    zlib's source tree (default: `apt-get source zlib` into the cache; needs deb-src)
#   SQLITE_DIR=DIR  the directory of sqlite3.c and sqlite3.h (default: bench/sqlite-fetch.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
build="$(cd "${1:-$here/../build}" && pwd)"
chk="$build/chk"
[ -f "$chk/libfortify_chk.a" ] || { echo "chk-binary-compat: build $build first (libfortify_chk)" >&2; exit 1; }
work="$BENCH_CACHE/chk-compat"; rm -rf "$work"; mkdir -p "$work"
glibc_flags="-O2 -D_FORTIFY_SOURCE=2"

if [ -z "${ZLIB_SRC:-}" ]; then
  mkdir -p "$BENCH_CACHE/zlib"
  if ! ls -d "$BENCH_CACHE"/zlib/zlib-*/ >/dev/null 2>&1; then
    (cd "$BENCH_CACHE/zlib" && apt-get source -q zlib >/dev/null)
  fi
  ZLIB_SRC="$(ls -d "$BENCH_CACHE"/zlib/zlib-*/ | head -1)"
fi
mkdir -p "$work/zlib" && cd "$work/zlib"
for f in adler32 crc32 deflate infback inffast inflate inftrees trees zutil compress uncompr gzclose gzlib gzread gzwrite; do
  gcc $glibc_flags -DHAVE_UNISTD_H -DHAVE_STDARG_H -I"$ZLIB_SRC" -c "$ZLIB_SRC/$f.c" -o "$f.o"
done
ar rcs libz-glibc.a ./*.o
echo "zlib objects built on glibc import: $(nm -u libz-glibc.a | awk '$2 ~ /_chk$|_2$/ {print $2}' | sort -u | tr '\n' ' ')"
musl-gcc -O2 -I"$ZLIB_SRC" "$ZLIB_SRC/test/example.c" libz-glibc.a "$chk/libfortify_chk.a" -static -o example
musl-gcc -O2 -I"$ZLIB_SRC" "$ZLIB_SRC/test/minigzip.c" libz-glibc.a "$chk/libfortify_chk.a" -static -o minigzip
./example
cat "$here"/../docs/*.md > text
./minigzip < text > text.gz
./minigzip -d < text.gz | cmp - text
gzip -dc text.gz | cmp - text
echo "zlib: example and the minigzip round trip pass on musl"

sqlite="${SQLITE_DIR:-$("$here/sqlite-fetch.sh")}"
mkdir -p "$work/sqlite" && cd "$work/sqlite"
gcc $glibc_flags $BENCH_SQLITE_DEFS -c "$sqlite/sqlite3.c" -o sqlite3-glibc.o
echo "sqlite3.o built on glibc imports: $(nm -u sqlite3-glibc.o | awk '$2 ~ /_chk$|_2$/ {print $2}' | sort -u | tr '\n' ' ')"
# glibc's <fcntl.h> renames fcntl to fcntl64 under _FILE_OFFSET_BITS=64 (which
# sqlite3.c defines); musl has no fcntl64. Not a __*_chk function, so not
# libfortify_chk's: a two-line forwarder (struct flock is the same on x86-64).
cat > fcntl64.c <<'SHIM'
#include <fcntl.h>
#include <stdarg.h>
int fcntl64(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  return fcntl(fd, cmd, arg);
}
SHIM
musl-gcc -O2 -c fcntl64.c -o fcntl64.o
gcc -O2 -I"$sqlite" "$here/sqlite-workload.c" sqlite3-glibc.o -lm -o workload-glibc
musl-gcc -O2 -I"$sqlite" "$here/sqlite-workload.c" sqlite3-glibc.o fcntl64.o "$chk/libfortify_chk.a" -lm -static -o workload-musl-static
musl-gcc -O2 -I"$sqlite" "$here/sqlite-workload.c" sqlite3-glibc.o fcntl64.o -L"$chk" -lfortify_chk -Wl,-rpath,"$chk" -lm -o workload-musl-dynamic
./workload-glibc 5000 > glibc.out
./workload-musl-static 5000 > musl-static.out
./workload-musl-dynamic 5000 > musl-dynamic.out
cmp glibc.out musl-static.out && cmp glibc.out musl-dynamic.out
echo "sqlite: the workload's results on musl (static, dynamic) equal glibc's: $(tail -1 glibc.out)"
