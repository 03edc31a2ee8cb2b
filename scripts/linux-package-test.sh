#!/usr/bin/env bash
# The Linux release, tried as a user would, headless, without touching this
# machine's system (make test-linux, after scripts/release.sh linux):
#   the tarball: its layout, its desktop entry (desktop-file-validate, and
#   Exec= and Icon= naming what it installs), its Makefile's install into a
#   temporary DESTDIR and user-install into a temporary HOME, the installed
#   swcert running commands (version, demo, holder add, cert add, holder
#   list, export cert read back with pdftotext), then uninstall and
#   user-uninstall leaving nothing;
#   the .deb: its fields (Package, Version from FyneApp.toml, Depends naming
#   the package of every library the window links or GLFW loads for X11),
#   no maintainer scripts, its contents (the tarball's window), installed
#   with dpkg into a private root with its own database, the installed
#   swcert and swcert-cli run, then removed by dpkg, leaving nothing.
# The Wine test (scripts/wine-test.sh) runs the commands broadly; this one
# checks that what the packages install is the program, and runs.
# Usage: scripts/linux-package-test.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "${1:-dist}")
t0=$(date +%s)
lap() { echo "linux-package-test: $1 ($(($(date +%s) - t0)) s)"; }
fail() { echo "linux-package-test: FAIL: $*" >&2; exit 1; }

field() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *\$/\1/p" FyneApp.toml | head -1; }
version=$(field Version)
build=$(field Build)
name=$(field Name)
appid=$(field ID)
tarball=$dist/SWCert-$version-linux-amd64.tar.xz
deb=$dist/swcert_${version}-${build}_amd64.deb
[ -f "$tarball" ] || fail "no tarball $tarball in $dist: $(ls "$dist")"
[ -f "$deb" ] || fail "no .deb $deb in $dist: $(ls "$dist")"
for tool in desktop-file-validate dpkg dpkg-deb pdftotext make xz objdump strings python3; do
	command -v $tool >/dev/null || fail "$tool is not installed (make release-deps installs it)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Headless: the window build runs commands without a display.
unset DISPLAY WAYLAND_DISPLAY

# The desktop entry $1 is valid, is the app's, and starts a program and
# shows an icon that are installed: $2 the bin folder (where PATH finds
# the program when Exec= names no folder), $3 the icons folder.
desktop_ok() {
	local f=$1 bin=$2 icons=$3 exec icon
	[ -f "$f" ] || fail "no desktop entry $f"
	desktop-file-validate "$f" || fail "desktop-file-validate rejects $f"
	grep -qxF "Name=$name" "$f" || fail "$f: no Name=$name: $(cat "$f")"
	exec=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$f")
	icon=$(sed -n 's/^Icon=//p' "$f")
	case $exec in
	/*) [ -x "$exec" ] || fail "$f: Exec=$exec is not an installed program" ;;
	*) [ -x "$bin/$exec" ] || fail "$f: Exec=$exec is not in $bin: $(ls "$bin")" ;;
	esac
	[ -f "$icons/$icon.png" ] || fail "$f: Icon=$icon is not $icons/$icon.png: $(ls "$icons")"
}

# Whether what $1 printed has the line (grep -E) $2. Output is read whole
# first: `prog | grep -q` would stop reading at the match, and prog, killed
# by SIGPIPE, would fail the pipe under pipefail (or hide a match).
has() { grep -qE -- "$2" <<<"$1"; }

# The program $1 runs a few commands on a new database: version, demo,
# holder add and cert add (a certificate issued before 2021-12-17, which
# needs no annotation to be exported: the demo's are random), holder list,
# and export cert read back by pdftotext.
runs() {
	local sw=$1 db=$work/run/swcert.db pdf="$work/run/证书 张伟.pdf" out holder cert text
	rm -rf "$work/run" && mkdir -p "$work/run"
	out=$("$sw" --lang en version) && has "$out" "^$name $version \(commit " || fail "$sw version says \"$out\", not $name $version"
	out=$("$sw" --lang en --db "$db" demo --holders 3) && has "$out" "^Added 3 demo holders to $db" || fail "$sw demo: $out"
	holder=$("$sw" --json --db "$db" holder add --name 张伟 --id-number 11010519491231002X | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])') || fail "$sw holder add"
	cert=$("$sw" --json --db "$db" cert add --holder "$holder" --level assistant --mno 2019Z110001 --exam-year 2019 \
		--passed-on 2019-09-20 --issued-on 2019-12-01 | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])') || fail "$sw cert add"
	out=$("$sw" --lang en --db "$db" holder list) && has "$out" "^$holder +张伟 +110105\*{8}002X" &&
		[ "$(grep -cE '（演示）$' <<<"$out")" = 3 ] || fail "$sw holder list does not show 张伟 and the 3 demo holders: $out"
	out=$("$sw" --lang en --db "$db" export cert --cert "$cert" --out "$pdf") && has "$out" "^Exported to $pdf" || fail "$sw export cert: $out"
	text=$(pdftotext -raw "$pdf" -) || fail "$sw export cert: pdftotext cannot read $pdf"
	has "$text" 张伟 && has "$text" 2019Z110001 || fail "$sw export cert: the PDF lacks the holder's name 张伟 or the number 2019Z110001: $text"
}

# Every file left under $1 (none expected), for a failure message.
leftovers() { find "$1" -mindepth 1 ! -type d | head -20; }

# 1. The tarball: fyne package's layout, one folder holding the Makefile
# and usr/local/{bin,share/applications,share/pixmaps}.
list=$(tar -tJf "$tarball") || fail "tar cannot read $tarball"
top=${list%%/*}
for f in Makefile usr/local/bin/swcert "usr/local/share/applications/$appid.desktop" "usr/local/share/pixmaps/$appid.png"; do
	grep -qxF "$top/$f" <<<"$list" || fail "the tarball lacks $top/$f; it holds: $list"
done
tar -xJf "$tarball" -C "$work"
t=$work/$top
[ -x "$t/usr/local/bin/swcert" ] || fail "the tarball's swcert is not executable"
desktop_ok "$t/usr/local/share/applications/$appid.desktop" "$t/usr/local/bin" "$t/usr/local/share/pixmaps"
lap "tarball: layout and desktop entry"

# Its Makefile's install, as `sudo make install` on a system with
# /usr/local (the Makefile installs under /usr/local when DESTDIR has one,
# else under /usr), into a temporary DESTDIR.
dest=$work/dest
mkdir -p "$dest/usr/local"
make -s -C "$t" install DESTDIR="$dest" || fail "make install DESTDIR=$dest"
p=$dest/usr/local
desktop_ok "$p/share/applications/$appid.desktop" "$p/bin" "$p/share/pixmaps"
cmp -s "$t/usr/local/bin/swcert" "$p/bin/swcert" || fail "make install: $p/bin/swcert is not the tarball's"
runs "$p/bin/swcert"
lap "tarball: make install into DESTDIR; swcert version, demo, holder list, export cert"
make -s -C "$t" uninstall DESTDIR="$dest" || fail "make uninstall DESTDIR=$dest"
[ -z "$(leftovers "$dest")" ] || fail "make uninstall left: $(leftovers "$dest")"

# … and its user-install into ~/.local (no root), whose desktop entry names
# the program by its full path.
home=$work/home
mkdir -p "$home"
HOME=$home make -s -C "$t" user-install || fail "make user-install HOME=$home"
desktop_ok "$home/.local/share/applications/$appid.desktop" "$home/.local/bin" "$home/.local/share/icons"
grep -qxF "Exec=$home/.local/bin/swcert" "$home/.local/share/applications/$appid.desktop" || fail "make user-install: Exec= is not $home/.local/bin/swcert"
out=$("$home/.local/bin/swcert" --lang en version) && has "$out" "^$name $version " || fail "make user-install: $home/.local/bin/swcert version: $out"
HOME=$home make -s -C "$t" user-uninstall || fail "make user-uninstall HOME=$home"
[ -z "$(leftovers "$home")" ] || fail "make user-uninstall left: $(leftovers "$home")"
lap "tarball: uninstall, user-install and user-uninstall"

# 2. The .deb: its fields.
info=$(dpkg-deb --info "$deb") || fail "dpkg-deb --info $deb"
debfield() { dpkg-deb --field "$deb" "$1"; }
[ "$(debfield Package)" = swcert ] || fail "the .deb's Package is $(debfield Package), not swcert"
[ "$(debfield Version)" = "$version-$build" ] || fail "the .deb's Version is $(debfield Version), not FyneApp.toml's $version-$build"
[ "$(debfield Architecture)" = amd64 ] || fail "the .deb's Architecture is $(debfield Architecture)"
# No maintainer scripts (installing changes nothing but the files; dpkg
# --root below would run them chrooted into an empty root).
ctrl=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | sed 's#^\./##; /^$/d' | sort | tr '\n' ' ')
[ "$ctrl" = "control " ] || fail "the .deb's control archive holds $ctrl, not control alone"
depends=$(debfield Depends)
# Every library the window needs comes from a package the .deb depends
# on: the package that holds it on this machine, where the window was
# built. What it links (its ELF NEEDED entries: libGL, libwayland-client,
# libc, libm), and what GLFW loads with dlopen to open a window on X11
# (the others it names are optional: EGL, GLES, Vulkan, libdecor …).
tar -xJOf "$tarball" "$top/usr/local/bin/swcert" >"$work/swcert-elf"
needed=$(objdump -p "$work/swcert-elf" | awk '$1 == "NEEDED" {print $2}')
[ -n "$needed" ] || fail "the window links no libraries? objdump -p found no NEEDED"
named=$(strings "$work/swcert-elf" | grep -E '^lib[A-Za-z0-9_+-]+\.so\.[0-9]+$' | sort -u) || fail "the window names no library to load (strings)"
for lib in libX11.so.6 libXcursor.so.1 libXrandr.so.2 libXinerama.so.1 libXi.so.6 libXxf86vm.so.1; do
	grep -qxF $lib <<<"$named" || fail "the window no longer loads $lib (strings finds it not): is the list here still GLFW's?"
	needed="$needed $lib"
done
# One dpkg -S for all (each reads the whole database): "libx11-6:amd64:
# /usr/lib/x86_64-linux-gnu/libX11.so.6" lines.
owners=$(dpkg -S $(printf '*/%s ' $needed) 2>/dev/null) || true
for lib in $needed; do
	pkg=$(awk -F': ' -v lib="$lib" '{ n = split($2, p, "/") } p[n] == lib { sub(/:.*/, "", $1); print $1; exit }' <<<"$owners")
	[ -n "$pkg" ] || fail "no package on this machine holds $lib, which the window links"
	grep -qE "(^|, )$pkg( |,|\$)" <<<"$depends" || fail "the .deb does not depend on $pkg, which holds $lib (Depends: $depends)"
done
echo "$info" | sed -n '/Package:/,$p'

# Its contents: the two programs, the desktop entry and the icon under
# /usr, owned by root; nothing of the tarball's /usr/local or Makefile.
contents=$(dpkg-deb --contents "$deb") || fail "dpkg-deb --contents $deb"
echo "$contents"
files=$(awk '$1 !~ /^d/ {print $6}' <<<"$contents" | sort)
want=$(printf '%s\n' ./usr/bin/swcert ./usr/bin/swcert-cli "./usr/share/applications/$appid.desktop" "./usr/share/pixmaps/$appid.png" ./usr/share/doc/swcert/wqy-microhei.LICENSE.txt | sort)
[ "$files" = "$want" ] || fail "the .deb holds $(tr '\n' ' ' <<<"$files"), not $(tr '\n' ' ' <<<"$want")"
[ -z "$(awk '$2 != "root/root"' <<<"$contents")" ] || fail "the .deb has files not owned by root: $(awk '$2 != "root/root"' <<<"$contents")"
for f in usr/bin/swcert usr/bin/swcert-cli; do
	grep -E "^-rwxr-xr-x .* \./$f\$" <<<"$contents" >/dev/null || fail "the .deb's /$f is not mode 0755"
done
lap ".deb: fields, Depends for the $(wc -w <<<"$needed") libraries the window needs, contents"

# Installed by dpkg into a private root with a fresh database (--root sets
# the install folder to ROOT and the database to ROOT/var/lib/dpkg, which
# needs a status file, info/ and updates/). --force-not-root lets a user
# who is not root do it; --force-depends, because this root has none of
# the libraries installed (the programs run on this machine's); the .deb
# has no maintainer scripts, which --root would run chrooted.
root=$work/root
admin=$root/var/lib/dpkg
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
: >"$admin/status"
: >"$admin/available"
dp() { dpkg --root="$root" --force-not-root --force-depends --log=/dev/null "$@"; }
dp -i "$deb" >"$work/dpkg.log" 2>&1 || fail "dpkg -i into $root: $(cat "$work/dpkg.log")"
out=$(dp -s swcert 2>&1) && has "$out" "^Status: install ok installed\$" && has "$out" "^Version: $version-$build\$" ||
	fail "dpkg -s in $root: swcert $version-$build is not installed: $out"
desktop_ok "$root/usr/share/applications/$appid.desktop" "$root/usr/bin" "$root/usr/share/pixmaps"
cmp -s "$work/swcert-elf" "$root/usr/bin/swcert" || fail "the .deb's /usr/bin/swcert is not the tarball's window"
cli=$dist/swcert-cli-$version-linux-amd64
[ ! -f "$cli" ] || cmp -s "$cli" "$root/usr/bin/swcert-cli" || fail "the .deb's /usr/bin/swcert-cli is not $cli"
cmp -s assets/wqy-microhei.LICENSE.txt "$root/usr/share/doc/swcert/wqy-microhei.LICENSE.txt" || fail "the .deb installs not the embedded font's licence in /usr/share/doc/swcert"
for p in swcert swcert-cli; do
	out=$("$root/usr/bin/$p" --lang en version 2>&1) && has "$out" "^$name $version \(commit [0-9a-f]{7}(-dirty)?, [0-9-]{10}\)\$" ||
		fail "the installed /usr/bin/$p version: $out"
done
runs "$root/usr/bin/swcert-cli"
lap ".deb: installed by dpkg --root; swcert and swcert-cli run"

dp -r swcert >"$work/dpkg.log" 2>&1 || fail "dpkg -r swcert in $root: $(cat "$work/dpkg.log")"
out=$(dp -s swcert 2>&1) || true
has "$out" '^Status: install ok installed$' && fail "dpkg -r: swcert still installed in $root: $out"
left=$(find "$root" -mindepth 1 -path "$root/var" -prune -o -print)
[ -z "$left" ] || fail "dpkg -r swcert left in $root: $left"
lap ".deb: removed by dpkg -r, nothing left"
echo "linux-package-test: ok"
