#!/bin/bash
# orca.sh - the game read aloud by a real screen reader (Orca reading Chromium over AT-SPI, on a
# private Xvfb display and D-Bus session): tests/a11y/orca.mjs. `make test-screenreader` runs it.
# Installs nothing: if a Debian package is missing it says which, and how to install it.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
for pair in orca:orca Xvfb:xvfb xdotool:xdotool dbus-daemon:dbus-daemon gsettings:libglib2.0-bin \
            /usr/bin/chromium:chromium /usr/libexec/at-spi-bus-launcher:at-spi2-core; do
  cmd=${pair%%:*} pkg=${pair#*:}
  if [[ $cmd == /* ]]; then [[ -x $cmd ]] || need+=("$pkg"); else command -v "$cmd" >/dev/null || need+=("$pkg"); fi
done
if ((${#need[@]})); then
  echo "orca.sh: the screen-reader test needs these Debian packages, which are not installed: ${need[*]}" >&2
  echo "  install them with:  sudo apt-get install --no-install-recommends ${need[*]}" >&2
  echo "  (ruudunlukijatesti tarvitsee nämä Debianin paketit; asenna ne yllä olevalla komennolla)" >&2
  exit 2
fi
for f in build/web/pakopeli.wasm build/native/pakopeli-lint; do
  [[ -e $f ]] || { echo "orca.sh: $f is missing: run make web native first" >&2; exit 2; }
done
exec node tests/a11y/orca.mjs "$@"
