#!/usr/bin/env bash
# tst_package: builds the Debian package from the build folder with CPack, checks what it
# holds and declares, unpacks it into a temporary root and runs the programs from there, and
# runs the freedesktop, AppStream, man and Debian checkers on the unpacked files.
#   tst_package.sh BUILD_DIR SOURCE_DIR VERSION APP_ID
set -uo pipefail

build_dir=$1
source_dir=$2
version=$3
app_id=$4

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { echo "PASS: $*"; }
need() {
  command -v "$1" >/dev/null || { echo "FAIL: $1 is not installed (scripts/setup installs it)" >&2; exit 1; }
}
for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian man python3; do need "$tool"; done

work=$(mktemp -d "${TMPDIR:-/tmp}/tst_package.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The package, made into a folder of its own (cpack's staging folder goes there too, so
#    runs in several build folders never meet).
if ! (cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1); then
  cat "$work/cpack.log" >&2
  echo "FAIL: cpack -G DEB failed" >&2
  exit 1
fi
deb=$(find "$work/out" -maxdepth 1 -name 'retort_*.deb')
if [ ! -f "$deb" ]; then
  echo "FAIL: cpack made no retort_*.deb in $work/out" >&2
  exit 1
fi
pass "cpack made $(basename "$deb")"

# 2. Every file the layout promises (common to cmake --install and the package).
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
expected=(
  /usr/bin/retort
  /usr/bin/retort-cli
  "/usr/share/applications/$app_id.desktop"
  "/usr/share/metainfo/$app_id.metainfo.xml"
  "/usr/share/mime/packages/$app_id.xml"
  "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  "/usr/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  /usr/share/man/man1/retort.1.gz
  /usr/share/man/man1/retort-cli.1.gz
  /usr/share/bash-completion/completions/retort-cli
  /usr/share/zsh/vendor-completions/_retort-cli
  /usr/share/retort/demo/alembic.ini
  /usr/share/retort/demo/migrations/env.py
  /usr/share/retort/demo/migrations/script.py.mako
  /usr/share/doc/retort/user-guide.md
  /usr/share/doc/retort/copyright
  /usr/share/doc/retort/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for f in "$source_dir"/resources/demo/migrations/versions/*.py; do
  expected+=("/usr/share/retort/demo/migrations/versions/$(basename "$f")")
done
for f in "$source_dir"/docs/screenshots/*.png; do
  [ -e "$f" ] && expected+=("/usr/share/doc/retort/screenshots/$(basename "$f")")
done
missing=0
for path in "${expected[@]}"; do
  grep -qxF "$path" "$work/contents" || { fail "the package lacks $path"; missing=1; }
done
[ "$missing" = 0 ] && pass "dpkg-deb -c lists all ${#expected[@]} expected files"
# What a run of the demo leaves behind never ships.
if grep -E '\.db$|__pycache__|\.pyc$' "$work/contents"; then
  fail "the package carries databases or Python caches from the demo"
fi

# 3. The control fields.
field() { dpkg-deb -f "$deb" "$1"; }
depends=$(field Depends)
[ -n "$depends" ] || fail "Depends is empty"
for lib in libqt6core6 libqt6widgets6 libgvc6 libqt6sql6-sqlite; do
  grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -qE '(^|, )alembic( |,|$)' <<<"$(field Recommends)" || fail "Recommends lacks alembic: $(field Recommends)"
grep -qE '(^|, )python3( |,|$)' <<<"$(field Recommends)" || fail "Recommends lacks python3: $(field Recommends)"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
grep -qE '^[^<>]+ <[^@ ]+@[^@ ]+\.[a-z]+>$' <<<"$(field Maintainer)" ||
  fail "Maintainer is not 'Name <email>': $(field Maintainer)"
for name in Section Homepage; do [ -n "$(field "$name")" ] || fail "no $name field"; done
pass "control: Depends: $depends; Recommends: $(field Recommends)"

# 4. The programs from the unpacked root: the libraries resolve, the demo loads.
root="$work/root"
dpkg-deb -x "$deb" "$root"
out=$("$root/usr/bin/retort-cli" --version 2>&1)
[ "$out" = "retort-cli $version" ] || fail "retort-cli --version printed '$out'"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/retort" --version 2>/dev/null)
[ "$out" = "retort $version" ] || fail "retort --version printed '$out'"
demo="$root/usr/share/retort/demo"
if "$root/usr/bin/retort-cli" -c "$demo/alembic.ini" graph --json >"$work/graph.json" 2>"$work/graph.err"; then
  # As many revisions as the demo has files, each with the id its file name carries.
  if python3 - "$work/graph.json" "$demo/migrations/versions" <<'EOF'; then
import json, os, sys
graph = json.load(open(sys.argv[1]))
files = [f for f in os.listdir(sys.argv[2]) if f.endswith(".py")]
ids = [r["id"] for r in graph["revisions"]]
assert len(files) >= 40, f"the installed demo has {len(files)} revision files"
assert len(ids) == len(files), f"graph --json has {len(ids)} revisions for {len(files)} files"
unnamed = [i for i in ids if not any(i in f for f in files)]
assert not unnamed, f"revisions without their file: {unnamed}"
assert graph["diagnostics"] == [], graph["diagnostics"]
print(f"PASS: graph --json on the installed demo: {len(ids)} revisions, no diagnostics")
EOF
    :
  else
    fail "graph --json on the installed demo is not the demo's graph"
  fi
else
  cat "$work/graph.err" >&2
  fail "retort-cli graph --json failed on the installed demo"
fi

# 5. The checkers on the unpacked files and the package.
if ! desktop-file-validate "$root/usr/share/applications/$app_id.desktop"; then
  fail "desktop-file-validate"
else
  pass "desktop-file-validate"
fi
if ! appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"; then
  fail "appstreamcli validate --no-net"
fi
for page in retort retort-cli; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
  [ -z "$warnings" ] || fail "man $page.1 warns: $warnings"
  # generated from --help: the options are there
  zcat "$root/usr/share/man/man1/$page.1.gz" | grep -q -- '\\-\\-version' || fail "$page.1 lacks --version"
done
# lintian refuses nothing as root but says so on stderr; only its tags are read.
lintian "$deb" >"$work/lintian.log" 2>&1
cat "$work/lintian.log"
if grep -q '^E:' "$work/lintian.log"; then
  fail "lintian reports errors"
else
  pass "lintian reports no errors"
fi

# 6. Every AppStream screenshot is a picture scripts/screenshots makes in docs/screenshots.
prefix="https://raw.githubusercontent.com/retort/retort/main/"
while IFS= read -r url; do
  case "$url" in
    "$prefix"*) file="$source_dir/${url#"$prefix"}" ;;
    *) fail "screenshot URL outside $prefix: $url"; continue ;;
  esac
  [ -f "$file" ] || fail "the metainfo shows $url, but ${file#"$source_dir"/} does not exist"
done < <(grep -o '<image>[^<]*</image>' "$root/usr/share/metainfo/$app_id.metainfo.xml" | sed 's|</*image>||g')

# 7. The installed guide finds its pictures (UserGuideViewer resolves them from its folder).
guide="$root/usr/share/doc/retort/user-guide.md"
while IFS= read -r image; do
  case "$image" in http*) continue ;; esac
  [ -f "$(dirname "$guide")/$image" ] || fail "the installed guide shows $image, which is not installed beside it"
done < <(grep -oE '!\[[^]]*\]\([^) ]+' "$guide" | sed -E 's/.*\(//'; grep -oE '<img [^>]*src="[^"]+"' "$guide" | sed -E 's/.*src="//; s/"$//')

if [ "$failures" -gt 0 ]; then
  echo "tst_package: $failures failure(s)" >&2
  exit 1
fi
echo "tst_package: all checks passed"
