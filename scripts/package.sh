#!/usr/bin/env bash
# Builds the Debian packages (debian/) as a packager would, checks them with
# lintian, installs them, runs the README's demo against the installed files
# (debian/tests/demo, the autopkgtest), and removes them again, checking that
# nothing is left behind. As root on Debian 12; CI runs it (.ci/run).
#
#   scripts/package.sh [--with-tests] [--keep DIR]
#     --with-tests   also run the unit and lit tests inside the package build
#                    (CI has run them already: by default DEB_BUILD_OPTIONS=nocheck)
#     --keep DIR     leave the .debs, .changes and the lintian output in DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_options="nocheck"
keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --with-tests) build_options="" ;;
    --keep) keep=$2; shift ;;
    *) echo "usage: $0 [--with-tests] [--keep DIR]" >&2; exit 2 ;;
  esac
  shift
done
if [ "$(id -u)" -ne 0 ]; then
  echo "package: run as root (it installs the build dependencies and the packages)" >&2
  exit 1
fi

work="$(mktemp -d)"
packages=(fortify-gcc-plugin fortify-clang-plugin libfortify-rt0 libfortify-rt-dev fortify-tools)
cleanup() {
  dpkg --purge "${packages[@]/%/-dbgsym}" "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build dependencies"
export DEBIAN_FRONTEND=noninteractive
"$root/scripts/install-deps.sh" dpkg-dev debhelper lintian
# The working tree without what git ignores (build directories, downloaded
# benchmark inputs).
mkdir "$work/src"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$root" ls-files -z --cached --others --exclude-standard |
    (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$work/src"
else
  tar -C "$root" --exclude=./build --exclude='./build-*' --exclude=./.git -cf - . | tar -xf - -C "$work/src"
fi
(cd "$work/src" && apt-get build-dep -y -qq ${build_options:+--build-profiles=nocheck} ./ >/dev/null)

echo "== dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS=$build_options)"
start=$SECONDS
(cd "$work/src" && DEB_BUILD_OPTIONS="$build_options parallel=$(nproc)" \
   dpkg-buildpackage -us -uc -b ${build_options:+-Pnocheck} >"$work/build.log" 2>&1) || {
  tail -50 "$work/build.log"
  echo "package: dpkg-buildpackage failed (log above)" >&2
  exit 1
}
echo "built in $((SECONDS - start)) s:"
for deb in "$work"/*.deb; do
  printf '  %-48s %8s bytes, %6s KiB installed\n' "$(basename "$deb")" "$(stat -c %s "$deb")" \
    "$(dpkg-deb -f "$deb" Installed-Size)"
done

# The Clang plugin for the release's other LLVMs, one package each.
for deb in "$work"/fortify-clang-plugin-[0-9]*_*.deb; do
  [ -e "$deb" ] || continue
  package=$(dpkg-deb -f "$deb" Package)
  case $package in *-dbgsym) continue ;; esac
  packages+=("$package")
done

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$keep"/
fi

echo "== lintian"
# Every tag that remains is overridden in debian/*.lintian-overrides, with
# the reason (docs/DISTRIBUTIONS.md lists them): any other is a failure.
lintian --fail-on error,warning --display-info --show-overrides "$work"/*.changes 2>&1 |
  { grep -v '^running with root privileges' || true; } | tee "$work/lintian.txt"
[ -z "$keep" ] || cp "$work/lintian.txt" "$keep"/

echo "== install"
debs=()
for package in "${packages[@]}"; do
  debs+=("$work/${package}_"*.deb)
done
apt-get install -y -qq "${debs[@]}" >/dev/null
dpkg -L "${packages[@]}" | sort -u > "$work/files"
gcc -print-file-name=plugin | sed 's/^/  gcc plugin directory: /'
ls -l "$(gcc -print-file-name=plugin)/fortify.so" "$(gcc -print-file-name=plugin)/fortify.specs"

echo "== the demo against the installed packages (debian/tests/demo)"
mkdir "$work/demo"
(cd "$work/src" && AUTOPKGTEST_TMP="$work/demo" sh debian/tests/demo)

echo "== remove"
dpkg --purge "${packages[@]}" >/dev/null
left=0
while read -r file; do
  if [ -e "$file" ] && [ ! -d "$file" ]; then
    echo "left behind: $file"
    left=$((left + 1))
  fi
done < "$work/files"
if [ $left -ne 0 ]; then
  echo "package: $left files left after purging" >&2
  exit 1
fi
if gcc -fplugin=fortify -x c -c /dev/null -o /dev/null 2>/dev/null; then
  echo "package: gcc still loads -fplugin=fortify after purging" >&2
  exit 1
fi
echo "removed cleanly"
