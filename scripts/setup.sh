#!/usr/bin/env bash
# Installs the Debian packages payment-ops builds against (when missing) and builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsqlite3-dev libcurl4-openssl-dev libpq-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "setup: missing ${missing[*]}; run this script as root or install sudo" >&2
        exit 1
    fi
    echo "setup: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

swift build -c release --product payment-ops
echo "setup: built $(swift build -c release --show-bin-path)/payment-ops" >&2
