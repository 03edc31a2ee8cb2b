# SWCert: `make run` opens the app, `make test` runs every check.
# Both install what they need first (Debian/Ubuntu: apt-get, with sudo when
# not root; Go modules through the module proxy).

# A go at least as new as go.mod's: the one on PATH, or the one it fetches
# (go 1.21 and later), or golang.org/toolchain fetched from the module proxy
# into ~/.cache/swcert (no go, or Debian 12's 1.19); see scripts/go.sh.
ifndef GO
GO := $(shell ./scripts/go.sh)
endif
ifeq ($(GO),)
$(error no Go: scripts/go.sh could not fetch one (it needs curl and unzip))
endif
# … first on PATH too, for what runs go itself (the fyne tool, tests).
export PATH := $(if $(findstring /,$(GO)),$(dir $(GO)):)$(PATH)
BIN     := bin/swcert
CLI     := bin/swcert-cli
DB      ?=
RUN_ARGS := $(if $(DB),--db $(DB),)

# Debian packages: to build the window (cgo, OpenGL, X11/Wayland headers) …
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
# … and to test it (a virtual screen, a screenshot, the PDF and QR tools,
# and what people open the exports with: LibreOffice, openpyxl,
# python3-icalendar, unzip), and a PostgreSQL server the tests start and
# stop themselves (data/pgtest: a throwaway cluster on a private socket).
TEST_PKGS  := xvfb xauth x11-utils xdotool imagemagick libgl1-mesa-dri poppler-utils zbar-tools libreoffice-calc-nogui python3 python3-openpyxl python3-icalendar unzip postgresql-15

# The commit and its date go into `swcert version` and the About box (the
# version itself is FyneApp.toml's, embedded). The commit's date, not the
# clock's, so that a build of an unchanged tree is the cached one.
COMMIT  := $(shell git rev-parse --short=7 HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
BUILT   := $(shell git log -1 --format=%cI 2>/dev/null)
LDFLAGS := -X github.com/swcert/swcert/app.Commit=$(COMMIT) -X github.com/swcert/swcert/app.Built=$(BUILT)

# … and to build and try the releases: the Windows C compiler, the
# installer maker, Wine, the archivers, and the desktop-entry checker.
RELEASE_PKGS := gcc-mingw-w64-x86-64 nsis wine wine64 imagemagick zip unzip xz-utils poppler-utils zbar-tools python3-openpyxl desktop-file-utils

# A UTF-8 locale for the tools the tests read files back with (unzip shows
# Chinese names as #U6301… without one), as a desktop session has; a login
# with no locale (a fresh `useradd` user, POSIX) gets C.UTF-8.
LANG ?= C.UTF-8
export LANG

# make test builds the Windows release and tries it under Wine (test-windows);
# make test WINDOWS=0 does not. Likewise the Linux tarball and .deb
# (test-linux), LINUX=0.
WINDOWS ?= 1
LINUX   ?= 1

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build cli test vet unit fuzz smoke bench bench-server deps test-deps release release-deps wine-test test-windows test-linux clean

run: build
	./$(BIN) $(RUN_ARGS)

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/swcert

# The command line without the window: pure Go (no cgo, no Fyne), for a
# server or a scheduled job; every command of bin/swcert.
cli:
	CGO_ENABLED=0 $(GO) build -tags nowindow -ldflags '$(LDFLAGS)' -o $(CLI) ./cmd/swcert

# Installs only what is missing, so a warm machine pays nothing.
deps:
	@missing=$$(for p in $(BUILD_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

test-deps: deps
	@missing=$$(for p in $(TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test: test-deps vet unit fuzz smoke $(if $(filter 1,$(WINDOWS)),test-windows) $(if $(filter 1,$(LINUX)),test-linux)

vet:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt needed: $$bad"; exit 1; fi
	$(GO) vet ./...

# The CLI tests run twice: in the window build, and in the pure-Go one.
unit:
	$(GO) test -count=1 ./...
	CGO_ENABLED=0 $(GO) test -count=1 -tags nowindow ./app

# Each fuzz target for FUZZTIME (go test -fuzz takes one target of one
# package a run) after its corpus in testdata/fuzz/ (which `unit` runs as
# tests too): what reads a person's input or anybody's file never panics.
# 10 targets × (FUZZTIME + a few seconds to build): about 1 minute on 2 cores.
FUZZTIME ?= 5s
FUZZ_TARGETS := \
	./data:FuzzIDNumber ./data:FuzzParseDate ./data:FuzzParseSealPayload ./data:FuzzText \
	./data/sheet:FuzzRead \
	./data/seal:FuzzParse ./data/seal:FuzzReadQR \
	./data/docs:FuzzFindSeal \
	./data/pdf:FuzzImages \
	./data/backup:FuzzInspect

#
# Go's fuzzing coordinator can fail a run with a bare "context deadline
# exceeded" when -fuzztime ends while a worker is busy (golang/go#75804,
# seen here on a loaded machine): no input written, nothing reproducible.
# Such a run is tried once more; a run that wrote a failing input, or any
# other failure, fails at once.
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		for try in 1 2; do \
			echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
			if out=$$($(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg 2>&1); then break; fi; \
			if [ $$try = 1 ] && echo "$$out" | grep -q 'context deadline exceeded' && ! echo "$$out" | grep -q 'Failing input written'; then \
				echo "fuzz $$name: the coordinator's deadline race (no failing input), trying again"; continue; \
			fi; \
			echo "$$out"; exit 1; \
		done; \
	done

# The real binary in a real (virtual) window: starts on a demo database,
# waits for the window, saves out/smoke.png, closes it.
smoke: build
	./scripts/smoke.sh ./$(BIN) out/smoke.png

# The file's figures (the store's benchmarks in its SQLite pass; the
# server's are bench-server's: they take half an hour).
bench:
	SWCERT_TEST_STORE=sqlite $(GO) test -run '^$$' -bench 'Search|Open' -benchtime 20x ./data/store/
	SWCERT_TEST_STORE=sqlite $(GO) test -run '^$$' -bench Dashboard -benchtime 3x ./data/store/
	$(GO) test -run '^$$' -bench Export -benchtime 200x ./data/pdf/ ./data/docs/
	SWCERT_BENCH_OTHERS=100000 $(GO) test -run '^$$' -bench ProjectServiceReport -benchtime 3x ./data/docs/

# The agency edition's figures on a throwaway PostgreSQL cluster
# (scripts/pg-bench.sh): search of 1,000,000 holders, import, the demo
# and the dashboard on it. BENCH_DEMO_HOLDERS sets the demo's size.
BENCH_DEMO_HOLDERS ?= 100000
bench-server: cli
	GO=$(GO) ./scripts/pg-bench.sh $(BENCH_DEMO_HOLDERS) $(CLI)

# What users download, into dist/ (scripts/release.sh says what): the
# Windows installer and portable zip (cross-compiled with mingw-w64), the
# Linux tarball and .deb, the pure-Go command line for 6 targets, SHA256SUMS.
# macOS cannot be built here: see the README.
release: release-deps
	GO=$(GO) FYNE=$(CURDIR)/bin/tools/fyne ./scripts/release.sh

# The Windows release under Wine: installs it, runs the commands, uninstalls.
wine-test: release-deps
	./scripts/wine-test.sh dist

# What make test tries of the release: the Windows installer and zip, built
# (into out/dist-windows) and run under Wine. WINDOWS=0 leaves it out.
test-windows: release-deps
	DIST=out/dist-windows GO=$(GO) FYNE=$(CURDIR)/bin/tools/fyne ./scripts/release.sh windows
	./scripts/wine-test.sh out/dist-windows

# What make test tries of the Linux release: the tarball and the .deb,
# built (into out/dist-linux) and installed into temporary folders, the
# .deb by dpkg into a private root (scripts/linux-package-test.sh).
# LINUX=0 leaves it out. 1–1½ minutes warm (the test itself 10 s); cold
# about 14, mostly the Linux window's release build.
test-linux: release-deps
	DIST=out/dist-linux GO=$(GO) FYNE=$(CURDIR)/bin/tools/fyne ./scripts/release.sh linux
	./scripts/linux-package-test.sh out/dist-linux

release-deps: deps
	@missing=$$(for p in $(RELEASE_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -x bin/tools/fyne ] || GOBIN=$(CURDIR)/bin/tools $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

clean:
	rm -rf bin dist out
