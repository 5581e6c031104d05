#!/bin/bash
# build.sh DIR GCC-PLUGIN CLANG-PLUGIN RUNTIME: builds DIR/src/prog.c as C
# and C++, with GCC and Clang, in every mode, at -O0, -O2 and with -flto,
# from inside DIR with -ffile-prefix-map=DIR=. and the source named by its
# absolute path (the hard case). Objects, LTO links and records go to
# DIR/out. With -flto the link is compared: the compilers' own IR objects
# carry the directory without any plugin (GCC's always, Clang's module
# source_filename when the source is named by an absolute path). The report
# file is named relative to DIR: GCC records its options, the plugin's
# included, in the debug information (-grecord-gcc-switches).
set -e
dir=$1 gccplugin=$2 clangplugin=$3 runtime=$4
gcc=${GCC:-gcc} gxx=${GXX:-g++}  # the GCC the plugin is for (lit: %gcc, %gxx)
# The Clang the plugin is for (lit: %clang, %clangxx); its own ld.lld reads its bitcode.
clang=${CLANG:-clang-19} clangxx=${CLANGXX:-clang++-19}
cd "$dir"
mkdir -p out
map="-ffile-prefix-map=$dir=."
for compiler in gcc clang; do
  for lang in c cxx; do
    case $compiler-$lang in
      gcc-c) cc="$gcc -fplugin=$gccplugin" ;;
      gcc-cxx) cc="$gxx -x c++ -fplugin=$gccplugin" ;;
      clang-c) cc="$clang -fplugin=$clangplugin" ;;
      clang-cxx) cc="$clangxx -x c++ -fplugin=$clangplugin" ;;
    esac
    link="$gcc"
    [ $compiler = clang ] && link="$clang -fuse-ld=lld"
    [ $lang = cxx ] && { [ $compiler = gcc ] && link=$gxx || link="$clangxx -fuse-ld=lld"; }
    for mode in trap abort report; do
      name=$compiler-$lang-$mode
      flags="-g -I$dir/src/include $map -fplugin-arg-fortify-mode=$mode -w"
      $cc -O0 $flags -c "$dir/src/prog.c" -o out/$name-O0.o
      $cc -O2 $flags -fplugin-arg-fortify-report=out/$name-O2.jsonl \
        -c "$dir/src/prog.c" -o out/$name-O2.o
      $cc -O2 -flto $flags -c "$dir/src/prog.c" -o out/$name-lto.o
      $link -O2 -flto $map out/$name-lto.o "$runtime" -o out/$name-lto.exe
      rm out/$name-lto.o
    done
  done
done
exit 0
