#!/usr/bin/env bash
# The README's `cargo test` in a fresh clone with nothing beside it: the
# committed HEAD is cloned into an empty temporary folder (no ../shared) and
# tested there with ONTAP_CORPUS unset, so the corpus tests must skip, not fail.
# The clone builds in a target dir of its own (target/fresh-clone): sharing
# this checkout's would leave test binaries pointing into the deleted clone.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-hardlinks . "$work/ontap"
if [ -e "$work/shared" ]; then
    echo "fresh clone check FAILED: $work/shared exists"
    exit 1
fi
log="$work/cargo-test.log"
target="$PWD/target/fresh-clone"
if ! (cd "$work/ontap" && env -u ONTAP_CORPUS CARGO_TARGET_DIR="$target" \
        cargo test --quiet >"$log" 2>&1); then
    cat "$log"
    echo "fresh clone check FAILED: cargo test failed in a clone with nothing beside it"
    exit 1
fi
grep -E "skipped, no lesson corpus" "$log" || true
echo "fresh clone check passed: cargo test in $(git rev-parse --short HEAD) with no ../shared: $(grep -c '^test result: ok' "$log") test binaries ok"
