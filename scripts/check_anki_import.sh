#!/usr/bin/env bash
# Exports the bundled deck for Anki and imports it into a fresh collection
# with the `anki` Python package (installed with pip when missing).
# ONTAP_BIN picks the binary [default: target/release/ontap, built if absent].
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import anki.collection' >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check anki >/dev/null 2>&1 \
        || { echo "anki import check FAILED: could not pip install anki"; exit 1; }
fi

bin=${ONTAP_BIN:-target/release/ontap}
if [ ! -x "$bin" ]; then
    cargo build --release --quiet
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ONTAP_DATA_DIR="$work/data" "$bin" export ai-tao-sinh --format anki -o "$work/ai-tao-sinh.txt"
python3 scripts/check_anki_import.py decks/ai-tao-sinh.toml "$work/ai-tao-sinh.txt"
