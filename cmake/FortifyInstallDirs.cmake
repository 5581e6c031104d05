# Where `cmake --install` puts the plugins, as paths relative to the install
# prefix, so that --prefix and DESTDIR apply to them as to everything else and
# the installed wrappers can find them relative to their own directory.
#
#   FORTIFY_INSTALL_GCC_PLUGIN_DIR    GCC's own plugin directory (`gcc
#       -print-file-name=plugin`) taken relative to GCC's prefix: with the
#       prefix GCC was installed under (/usr on Debian), `gcc -fplugin=fortify`
#       finds the plugin with no path; under another prefix, -iplugindir=DIR
#       or the specs file does.
#   FORTIFY_INSTALL_CLANG_PLUGIN_DIR  LLVM's library directory (where
#       LLVMgold.so and LLVMPolly.so are), taken relative to the prefix of
#       the clang that runs it, so that `clang-19 -fplugin=fortify-clang.so`
#       needs no path either: clang loads a bare name through dlopen, which
#       searches clang's own run path ($ORIGIN/../lib). The build for that
#       LLVM, fortify-clang-N.so, goes beside the loader fortify-clang.so;
#       builds for several LLVMs each go to their own LLVM's directory, where
#       the loader looks for them (clang-plugin/loader/loader.c).
# Both are cache entries: a packager may set them (relative, or absolute).

include(GNUInstallDirs)

# Sets ${out} to ${dir} relative to the prefix of the program ${program}
# (the directory above its bin/), or to ${fallback} when ${dir} is not below
# that prefix.
function(fortify_dir_below_program_prefix out program dir fallback)
  get_filename_component(bindir "${program}" DIRECTORY)
  get_filename_component(prefix "${bindir}" DIRECTORY)
  get_filename_component(prefix "${prefix}" REALPATH)
  get_filename_component(dir "${dir}" REALPATH)
  string(LENGTH "${prefix}/" length)
  string(SUBSTRING "${dir}/" 0 ${length} head)
  if(head STREQUAL "${prefix}/")
    string(SUBSTRING "${dir}" ${length} -1 relative)
    set(${out} "${relative}" PARENT_SCOPE)
  else()
    message(STATUS "${dir} is not below ${prefix}: installing into ${fallback} instead")
    set(${out} "${fallback}" PARENT_SCOPE)
  endif()
endfunction()

set(FORTIFY_GCC "gcc" CACHE STRING "The GCC the plugin is built for")
if(FORTIFY_CLANG_PLUGIN_VERSION)
  set(FORTIFY_CLANG "clang-${FORTIFY_CLANG_PLUGIN_VERSION}" CACHE STRING
      "The clang the wrappers run (that of the LLVM the Clang plugin is built for)")
else()
  set(FORTIFY_CLANG "clang-19" CACHE STRING "The clang the wrappers run")
endif()

# Their C++ siblings, which fortify-g++ and fortify-clang++ run: gcc-12 makes
# g++-12, clang-19 makes clang++-19.
function(fortify_sibling out compiler from to)
  get_filename_component(dir "${compiler}" DIRECTORY)
  get_filename_component(name "${compiler}" NAME)
  string(REGEX REPLACE "${from}" "${to}" name "${name}")
  if(dir)
    set(name "${dir}/${name}")
  endif()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()
fortify_sibling(FORTIFY_GXX "${FORTIFY_GCC}" "gcc" "g++")
fortify_sibling(FORTIFY_CLANGXX "${FORTIFY_CLANG}" "^clang" "clang++")

if(FORTIFY_BUILD_GCC_PLUGIN)
  find_program(FORTIFY_GCC_PATH NAMES ${FORTIFY_GCC} NO_CACHE)
  execute_process(COMMAND ${FORTIFY_GCC} -print-file-name=plugin
                  OUTPUT_VARIABLE gcc_plugin_dir OUTPUT_STRIP_TRAILING_WHITESPACE)
  fortify_dir_below_program_prefix(default "${FORTIFY_GCC_PATH}" "${gcc_plugin_dir}"
                                   "${CMAKE_INSTALL_LIBDIR}/fortify-plugins/gcc")
  set(FORTIFY_INSTALL_GCC_PLUGIN_DIR "${default}" CACHE PATH
      "Where the GCC plugin is installed (relative: below the install prefix)")
  # The prefix GCC itself lives under: only there does GCC's own plugin
  # directory, and so -fplugin=fortify, reach the installed plugin.
  get_filename_component(FORTIFY_GCC_PREFIX "${FORTIFY_GCC_PATH}" DIRECTORY)
  get_filename_component(FORTIFY_GCC_PREFIX "${FORTIFY_GCC_PREFIX}" DIRECTORY)
  get_filename_component(FORTIFY_GCC_PREFIX "${FORTIFY_GCC_PREFIX}" REALPATH)
endif()

if(FORTIFY_BUILD_CLANG_PLUGIN)
  find_program(FORTIFY_CLANG_PATH NAMES ${FORTIFY_CLANG} NO_CACHE
               PATHS "${LLVM_TOOLS_BINARY_DIR}")  # after PATH: /usr/bin/clang-19 is below /usr
  # The resource directory is <LLVM libdir>/clang/<major>.
  execute_process(COMMAND ${FORTIFY_CLANG_PATH} -print-resource-dir
                  OUTPUT_VARIABLE clang_resource_dir OUTPUT_STRIP_TRAILING_WHITESPACE)
  get_filename_component(llvm_libdir "${clang_resource_dir}/../.." ABSOLUTE)
  fortify_dir_below_program_prefix(default "${FORTIFY_CLANG_PATH}" "${llvm_libdir}"
                                   "${CMAKE_INSTALL_LIBDIR}/fortify-plugins/clang")
  set(FORTIFY_INSTALL_CLANG_PLUGIN_DIR "${default}" CACHE PATH
      "Where the Clang plugin is installed (relative: below the install prefix)")
endif()

set(FORTIFY_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/fortify-rt" CACHE PATH
    "Where the runtime's CMake package files are installed")

# ${out}: how to reach ${to} from ${from}, both install directories (relative
# to the prefix, or absolute), as the wrappers need it: relative when both are
# below the prefix, so the installed tree can move.
function(fortify_install_path_from out from to)
  if(IS_ABSOLUTE "${to}")
    set(${out} "${to}" PARENT_SCOPE)
  elseif(IS_ABSOLUTE "${from}")
    set(${out} "${CMAKE_INSTALL_PREFIX}/${to}" PARENT_SCOPE)
  else()
    file(RELATIVE_PATH relative "/prefix/${from}" "/prefix/${to}")
    set(${out} "${relative}" PARENT_SCOPE)
  endif()
endfunction()

# The wrappers as installed: written at configure time by tools/wrappers/,
# installed by packaging/.
set(FORTIFY_INSTALLED_WRAPPERS_DIR "${CMAKE_BINARY_DIR}/wrappers-install")
