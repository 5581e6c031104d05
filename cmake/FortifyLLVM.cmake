# Which LLVM and Clang the Clang plugin is built for (included by the top
# level before the install directories, which depend on it): exactly the one
# asked for, never a fallback. LLVM_DIR (and Clang_DIR, which defaults to the
# Clang beside that LLVM) name it, or FORTIFY_LLVM_VERSION=N picks
# /usr/lib/llvm-N (Debian's layout); with neither, LLVM 19. When both are
# given they must agree. Sets FORTIFY_CLANG_PLUGIN_VERSION (the major).
set(FORTIFY_LLVM_VERSION "" CACHE STRING
    "LLVM/Clang major version to build the Clang plugin for (default: that of LLVM_DIR, else 19)")
if(NOT LLVM_DIR)
  set(want "${FORTIFY_LLVM_VERSION}")
  if(NOT want)
    set(want 19)
  endif()
  set(LLVM_DIR "/usr/lib/llvm-${want}/lib/cmake/llvm" CACHE PATH "LLVM's CMake package directory")
endif()
if(NOT EXISTS "${LLVM_DIR}/LLVMConfig.cmake")
  message(FATAL_ERROR "No LLVMConfig.cmake in ${LLVM_DIR}: install llvm-N-dev, point LLVM_DIR at "
                      "<llvm>/lib/cmake/llvm, or configure with -DFORTIFY_BUILD_CLANG_PLUGIN=OFF")
endif()
# No version in the call and no default paths: CMake takes this LLVM_DIR or fails.
find_package(LLVM CONFIG REQUIRED PATHS "${LLVM_DIR}" NO_DEFAULT_PATH)
if(FORTIFY_LLVM_VERSION AND NOT LLVM_VERSION_MAJOR EQUAL FORTIFY_LLVM_VERSION)
  message(FATAL_ERROR "FORTIFY_LLVM_VERSION=${FORTIFY_LLVM_VERSION} but LLVM_DIR (${LLVM_DIR}) "
                      "is LLVM ${LLVM_PACKAGE_VERSION}")
endif()
set(FORTIFY_SUPPORTED_LLVM 14 15 16 19)
if(NOT LLVM_VERSION_MAJOR IN_LIST FORTIFY_SUPPORTED_LLVM)
  message(WARNING "LLVM ${LLVM_PACKAGE_VERSION} is untested: the Clang plugin is tested with "
                  "LLVM ${FORTIFY_SUPPORTED_LLVM} (docs/CLANG-PLUGIN.md)")
endif()
if(NOT Clang_DIR)
  set(Clang_DIR "${LLVM_INSTALL_PREFIX}/lib/cmake/clang" CACHE PATH "Clang's CMake package directory")
endif()
find_package(Clang CONFIG PATHS "${Clang_DIR}" NO_DEFAULT_PATH)
if(NOT Clang_FOUND)
  message(FATAL_ERROR "Clang ${LLVM_VERSION_MAJOR} CMake files not found in ${Clang_DIR}: "
                      "install libclang-${LLVM_VERSION_MAJOR}-dev or set Clang_DIR")
endif()
# ClangConfig.cmake has no version file: read the headers' own.
find_file(clang_version_inc clang/Basic/Version.inc PATHS ${CLANG_INCLUDE_DIRS} NO_DEFAULT_PATH NO_CACHE)
if(clang_version_inc)
  file(STRINGS "${clang_version_inc}" clang_major REGEX "define CLANG_VERSION_MAJOR ")
  string(REGEX REPLACE ".*CLANG_VERSION_MAJOR ([0-9]+).*" "\\1" clang_major "${clang_major}")
  if(NOT clang_major EQUAL LLVM_VERSION_MAJOR)
    message(FATAL_ERROR "Clang_DIR (${Clang_DIR}) is Clang ${clang_major}, "
                        "LLVM_DIR (${LLVM_DIR}) is LLVM ${LLVM_VERSION_MAJOR}: they must be the same")
  endif()
endif()
set(FORTIFY_CLANG_PLUGIN_VERSION ${LLVM_VERSION_MAJOR} CACHE INTERNAL "")
