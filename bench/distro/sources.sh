# Sourced by bench/distro-rebuild.sh and bench/coverage-packages.sh: the
# plugins built from one commit, and Debian source packages with their build
# dependencies. Expects WORK, JOBS, repo and log() to be set.

# Sets `plugins` (when empty) to $WORK/plugins/COMMIT, building the plugins
# there from the committed tree (git archive), not the working tree, which
# others may be editing: the figures then belong to one commit
# (PLUGIN_COMMIT=rev picks another commit than HEAD).
ensure_plugins() {
  [ -n "$plugins" ] && return 0
  local commit
  commit="$(git -C "$repo" rev-parse --short=12 "${PLUGIN_COMMIT:-HEAD}")"
  plugins="$WORK/plugins/$commit"
  if [ ! -f "$plugins/fortify.so" ] || [ ! -f "$plugins/fortify-clang.so" ]; then
    log "building the plugins at $commit into $WORK/plugin-build"
    rm -rf "$WORK/plugin-src"; mkdir -p "$WORK/plugin-src"
    git -C "$repo" archive "$commit" | tar -x -C "$WORK/plugin-src"
    cmake -S "$WORK/plugin-src" -B "$WORK/plugin-build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$WORK/plugin-build.log" 2>&1 &&
      cmake --build "$WORK/plugin-build" -j "$JOBS" >>"$WORK/plugin-build.log" 2>&1 ||
      { echo "bench: plugin build failed, see $WORK/plugin-build.log" >&2; exit 1; }
    mkdir -p "$plugins"
    # The loaders and the builds they load from their own directory.
    cp "$WORK/plugin-build/gcc-plugin/fortify.so" "$WORK/plugin-build/clang-plugin/fortify-clang.so" \
       "$WORK/plugin-build/tools/fortify-coverage" "$plugins/"
    cp "$WORK/plugin-build/gcc-plugin/fortify-core.so" "$WORK/plugin-build/clang-plugin/"fortify-clang-[0-9]*.so \
       "$plugins/" 2>/dev/null || true
    git -C "$repo" log -1 --format='%H %cI %s' "$commit" >"$plugins/COMMIT"
  fi
}

enable_deb_src() {
  local changed=0 f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    if grep -q '^Types: deb$' "$f"; then sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"; changed=1; fi
  done
  if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list && ! grep -q '^deb-src ' /etc/apt/sources.list; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/fortify-deb-src.list; changed=1
  fi
  if [ $changed = 1 ] || [ ! -f "$WORK/.apt-updated" ]; then
    apt-get update -q >&2 && touch "$WORK/.apt-updated"
  fi
}

# Fetches PKG's source into $WORK/src/PKG (the first version apt offers whose
# files can be downloaded: a security update's source may be missing from a
# mirror) and installs its build dependencies. Prints the .dsc.
fetch_source() {
  local p="$1" d="$WORK/src/$1" v dsc
  mkdir -p "$d"
  dsc="$(ls "$d"/*.dsc 2>/dev/null | head -1)"
  if [ -z "$dsc" ]; then
    for v in $(apt-cache showsrc "$p" | awk '/^Version:/{print $2}'); do
      (cd "$d" && apt-get source -q --download-only "$p=$v" >"$d/fetch.log" 2>&1) && break
      rm -f "$d"/*.dsc
    done
    dsc="$(ls "$d"/*.dsc 2>/dev/null | head -1)"
  fi
  [ -n "$dsc" ] || return 1
  if [ ! -f "$d/.build-dep-ok" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -q "$p" >"$d/build-dep.log" 2>&1 &&
      touch "$d/.build-dep-ok" || return 1
  fi
  echo "$dsc"
}

