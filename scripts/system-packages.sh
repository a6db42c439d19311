#!/usr/bin/env bash
# Install the Debian packages the build and tests need, if they are missing.
#   fonts-noto-cjk  Chinese glyphs for the preview cards (and screenshots, PDFs)
#   chromium        the browser the tests drive (Playwright never downloads one)
# Usage: scripts/system-packages.sh PACKAGE...
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
  echo "missing Debian packages: ${missing[*]} — install them: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
