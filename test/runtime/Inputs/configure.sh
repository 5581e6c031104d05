#!/bin/sh
# configure-and-make in miniature: what a package's build does with $CC.
# usage: configure.sh SOURCE.c WORKDIR   (CC and CFLAGS from the environment)
set -e
src=$1
cd "$2"
$CC --version >/dev/null
$CC -v >/dev/null 2>&1              # no input: nothing is linked
$CC -dumpmachine >/dev/null
echo 'int main(void) { return 0; }' >conftest.c
$CC -E conftest.c >/dev/null
$CC $CFLAGS -c conftest.c -o conftest.o
$CC $CFLAGS conftest.o -o conftest && ./conftest
$CC $CFLAGS -o conftest conftest.c && ./conftest
$CC $CFLAGS -MD -MF prog.d -c "$src" -o prog.o
$CC $CFLAGS prog.o -o prog
echo "configured and built: $CC"
