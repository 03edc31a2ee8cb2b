#!/usr/bin/env bash
# Builds what a user downloads, into dist/ (make release):
#   SWCert-VERSION-windows-amd64-setup.exe     the Windows installer (NSIS)
#   SWCert-VERSION-windows-amd64-portable.zip  the Windows program, no install
#   SWCert-VERSION-linux-amd64.tar.xz          the Linux window (fyne package layout)
#   swcert_VERSION-BUILD_amd64.deb             the same as a Debian package
#   swcert-cli-VERSION-OS-ARCH[.exe]           the pure-Go command line, 6 targets
#   SHA256SUMS
# Everything is built here, on Linux: the Windows window with Debian's
# mingw-w64 (cgo), its icon and file properties by `fyne package`, which
# reads FyneApp.toml, the one place the name and version are written.
# Usage: scripts/release.sh [windows|linux]   (GO, FYNE, BUILT, DIST may be set)
# With "windows", only what the Windows test needs: the installer, the zip
# and swcert-cli for windows/amd64 (make test-windows); with "linux", the
# tarball, the .deb and swcert-cli for linux/amd64, which the .deb holds
# (make test-linux).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
root=$(pwd)

field() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *\$/\1/p" FyneApp.toml | head -1; }
version=$(field Version)
build=$(field Build)
name=$(field Name)
appid=$(field ID)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release: FyneApp.toml Version $version is not three numbers"; exit 1; }
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit-dirty"
built=${BUILT:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
x=github.com/swcert/swcert/app
ldx="-X $x.Commit=$commit -X $x.Built=$built"
fyne=${FYNE:-$root/bin/tools/fyne}

only=${1:-all}
case $only in all | windows | linux) ;; *) echo "release: usage: $0 [windows|linux]"; exit 2 ;; esac
dist=$root/${DIST:-dist} 
t0=$(date +%s)
lap() { echo "release: $1 ($(($(date +%s) - t0)) s so far)"; }

# The staging folder is the mode's, so that make -j test's Windows and
# Linux builds do not remove each other's.
pkg=out/_pkg-$only
rm -rf "$dist" "$pkg"
mkdir -p "$dist" "$pkg"
if [ ! -x "$fyne" ]; then
	GOBIN=$(dirname "$fyne") "$GO" install fyne.io/tools/cmd/fyne@v1.7.4
fi

# fyne package builds the main package of the directory it is given and
# needs FyneApp.toml beside it: a copy of cmd/swcert with the file (inside
# the module so that it imports the app; _pkg-* is left out of ./...). Its
# resource file (fyne.syso) goes there, never into cmd/swcert where another
# build could pick it up.
stage() {
	local d=$pkg/$1/swcert # fyne names the program after the folder
	mkdir -p "$d"
	cp cmd/swcert/main.go "$d/"
	sed 's#^Icon = .*#Icon = "Icon.png"#' FyneApp.toml >"$d/FyneApp.toml"
	cp assets/icon.png "$d/Icon.png"
	# fyne package drops GOFLAGS' -ldflags when it rebuilds with the icon
	# (Windows): the commit and date go in as a file instead.
	cat >"$d/stamp.go" <<EOF
package main

import "github.com/swcert/swcert/app"

// Written by scripts/release.sh.
func init() { app.Commit, app.Built = "$commit", "$built" }
EOF
	echo "$d"
}

# 1. The pure-Go command line for every OS.
for os in linux windows darwin; do
	for arch in amd64 arm64; do
		ext=""; [ $os = windows ] && ext=.exe
		[ "$only" = all ] || [ $os/$arch = "$only/amd64" ] || continue
		CGO_ENABLED=0 GOOS=$os GOARCH=$arch "$GO" build -tags nowindow -trimpath \
			-ldflags "-s -w $ldx" -o "$dist/swcert-cli-$version-$os-$arch$ext" ./cmd/swcert
	done
done
lap "command line"

if [ "$only" != linux ]; then

# 2. The Windows window: cross-compiled with mingw-w64; icon and version
# resource from FyneApp.toml (the file properties say Version.Build).
win=$(stage windows)
(cd "$win" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	GOOS=windows GOARCH=amd64 "$fyne" package -os windows --release)
w=$pkg/win
mkdir -p "$w"
find "$win" -maxdepth 1 -name '*.exe' -exec mv {} "$w/swcert.exe" \;
cp "$dist/swcert-cli-$version-windows-amd64.exe" "$w/swcert-cli.exe"
cp assets/wqy-microhei.LICENSE.txt "$w/"
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$w/swcert.ico"
# The README of the zip and the install folder, both languages, CRLF.
sed 's/$/\r/' >"$w/README.txt" <<EOF
$name $version

swcert.exe      the window (窗口)
swcert-cli.exe  the command line (命令行): swcert-cli.exe help

Your data (您的数据): %AppData%\\SWCert\\swcert.db, with its signing key
and proof files beside it. Uninstalling or deleting this folder does not
remove it. 卸载或删除本文件夹不会删除您的数据。
Another database (其他数据库): swcert.exe --db D:\\path\\file.db
EOF
lap "Windows window"

# 3. The installer, per user, Chinese and English.
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DBUILD="$build" -DNAME="$name" \
	-DSRC="$root/$w" -DOUT="$dist/SWCert-$version-windows-amd64-setup.exe" scripts/installer.nsi
# 4. The portable zip: the same files, nothing installed.
(cd "$w" && zip -q -X "$dist/SWCert-$version-windows-amd64-portable.zip" swcert.exe swcert-cli.exe README.txt wqy-microhei.LICENSE.txt)
lap "installer and zip"
fi

if [ "$only" != windows ]; then

# 5. Linux: fyne package's tarball (usr/local/{bin,share/applications,
# share/pixmaps} and a Makefile that installs them).
lin=$(stage linux)
(cd "$lin" && "$fyne" package -os linux --release)
mv "$lin/$name.tar.xz" "$dist/SWCert-$version-linux-amd64.tar.xz"
lap "Linux tarball"

# 6. The .deb: the tarball's files under /usr, and what the window needs.
deb=$pkg/deb
mkdir -p "$deb/DEBIAN"
mkdir -p "$pkg/debsrc" "$deb/usr"
tar -xJf "$dist/SWCert-$version-linux-amd64.tar.xz" -C "$pkg/debsrc"
src=$(find "$pkg/debsrc" -path '*/usr/*' -name bin -type d | head -1)
cp -r "$(dirname "$src")"/* "$deb/usr/" # usr/local/{bin,share} → /usr
install -m 0755 "$dist/swcert-cli-$version-linux-amd64" "$deb/usr/bin/swcert-cli"
# The licence of the font the program embeds, as the Windows zip has it.
install -D -m 0644 assets/wqy-microhei.LICENSE.txt "$deb/usr/share/doc/swcert/wqy-microhei.LICENSE.txt"
cat >"$deb/DEBIAN/control" <<EOF
Package: swcert
Version: $version-$build
Architecture: amd64
Maintainer: SWCert <swcert@users.noreply.github.com>
Depends: libc6, libgl1, libx11-6, libxcursor1, libxrandr2, libxinerama1, libxi6, libxxf86vm1, libwayland-client0, libxkbcommon0
Section: utils
Priority: optional
Homepage: https://github.com/swcert/swcert
Description: $name: social worker certificates, offline
 Keeps a Chinese social worker's certificates, annotations (加注),
 registrations and continuing education in order, and exports QR-sealed
 PDFs that anyone can verify offline. swcert is the window, swcert-cli
 the same commands without graphics.
EOF
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/swcert_${version}-${build}_amd64.deb" >/dev/null
lap ".deb"
fi

(cd "$dist" && sha256sum -- * >SHA256SUMS)
rm -rf "$pkg"
ls -l "$dist"
lap "done"
