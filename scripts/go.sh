#!/bin/sh
# Prints the path of a go command at least as new as go.mod's `go` line,
# fetching that Go when there is none (the Makefile's GO):
#   - the go on PATH, when it is new enough;
#   - a go 1.21 or later but older: it fetches the right one itself
#     (GOTOOLCHAIN, golang.org/toolchain from the module proxy, checked
#     against the checksum database), and this prints where it is;
#   - no go, or one older than 1.21 (Debian 12's golang is 1.19): the same
#     golang.org/toolchain module, downloaded from the module proxy with
#     curl, checked against the checksum database's hash (h1, as go does),
#     unpacked once into ~/.cache/swcert/go<version>.
# Messages go to stderr; only the path goes to stdout.
set -eu
cd "$(dirname "$0")/.."
want=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
[ -n "$want" ] || { echo "go.sh: no go line in go.mod" >&2; exit 1; }

# newer A B: A >= B, for versions like 1.26.8.
newer() {
	[ "$(printf '%s\n%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n -k3,3n | tail -1)" = "$1" ]
}

dir=${XDG_CACHE_HOME:-$HOME/.cache}/swcert/go$want
if have=$(command -v go 2>/dev/null); then
	v=$(GOTOOLCHAIN=local "$have" env GOVERSION 2>/dev/null || "$have" version | awk '{print $3}')
	v=${v#go}
	v=${v%%[!0-9.]*}
	if newer "$v" "$want"; then
		echo "$have"
		exit 0
	fi
	if newer "$v" 1.21; then
		echo "go.sh: go $v is older than go.mod's $want: fetching go$want through GOTOOLCHAIN" >&2
		root=$(GOTOOLCHAIN="go$want" "$have" env GOROOT)
		echo "$root/bin/go"
		exit 0
	fi
	[ -x "$dir/bin/go" ] || echo "go.sh: go $v is older than 1.21 and cannot fetch go$want itself" >&2
fi

case $(uname -s) in Linux) os=linux ;; Darwin) os=darwin ;; FreeBSD) os=freebsd ;; *) echo "go.sh: install Go $want from https://go.dev/dl/" >&2; exit 1 ;; esac
case $(uname -m) in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; i?86) arch=386 ;; armv6* | armv7*) arch=armv6l ;; *) echo "go.sh: install Go $want from https://go.dev/dl/" >&2; exit 1 ;; esac
if [ -x "$dir/bin/go" ]; then
	echo "$dir/bin/go"
	exit 0
fi

# The first proxy of GOPROXY (the default, as go uses it).
proxy=$(printf '%s' "${GOPROXY:-https://proxy.golang.org}" | tr ',|' '\n\n' | grep -v -e '^direct$' -e '^off$' | head -1)
proxy=${proxy:-https://proxy.golang.org}
mod=golang.org/toolchain
ver=v0.0.1-go$want.$os-$arch
command -v curl >/dev/null && command -v unzip >/dev/null || {
	echo "go.sh: needs curl and unzip (sudo apt-get install curl unzip)" >&2
	exit 1
}
echo "go.sh: no Go $want here: downloading $mod@$ver from $proxy (about 70 MB, once)" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL --retry 3 -o "$tmp/go.zip" "$proxy/$mod/@v/$ver.zip"
curl -fsSL --retry 3 -o "$tmp/sum" "$proxy/sumdb/sum.golang.org/lookup/$mod@$ver" ||
	curl -fsSL --retry 3 -o "$tmp/sum" "https://sum.golang.org/lookup/$mod@$ver"
expect=$(awk -v m="$mod" -v v="$ver" '$1 == m && $2 == v {print $3}' "$tmp/sum")
[ -n "$expect" ] || { echo "go.sh: the checksum database does not know $mod@$ver" >&2; exit 1; }
mkdir "$tmp/x"
unzip -q "$tmp/go.zip" -d "$tmp/x"
# h1: the SHA-256 of the list "sha256  name" of every file, names sorted
# bytewise (golang.org/x/mod/sumdb/dirhash Hash1).
got=h1:$(cd "$tmp/x" && find . -type f | sed 's#^\./##' | LC_ALL=C sort | tr '\n' '\0' |
	xargs -0 sha256sum | sha256sum | cut -c1-64 | tr a-f A-F | basenc --base16 -d | base64)
if [ "$got" != "$expect" ]; then
	echo "go.sh: $mod@$ver does not match the checksum database ($got, want $expect)" >&2
	exit 1
fi
top="$tmp/x/$mod@$ver"
# A module zip records no file modes: the programs get theirs back.
chmod -R u+w "$top"
find "$top/bin" "$top/pkg/tool" -type f -exec chmod +x {} +
mkdir -p "$(dirname "$dir")"
rm -rf "$dir"
mv "$top" "$dir"
echo "go.sh: Go $want is in $dir" >&2
echo "$dir/bin/go"
