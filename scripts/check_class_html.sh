#!/usr/bin/env bash
# Opens the class report of the simulated class of 30 (tests/cli/class_report.rs
# writes it) in a real headless Chromium: a screenshot of the expected size
# that is not blank, a PDF print, and a check of the rendered DOM's table.
# Chromium is Debian's package, installed here when /usr/bin/chromium is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium (Debian package)"
    if ! { apt-get install -y chromium >/dev/null 2>&1 \
           || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; }; }; then
        echo "class html check FAILED: could not apt-get install chromium"
        exit 1
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/report.html"
if ! ONTAP_CLASS_HTML_OUT="$page" cargo test --quiet --test cli \
        class_report::the_html_page_is_self_contained_in_the_teachers_language_and_can_hide_names \
        >"$work/cargo-test.log" 2>&1; then
    cat "$work/cargo-test.log"
    echo "class html check FAILED: the test that writes the page failed"
    exit 1
fi
[ -s "$page" ] || { echo "class html check FAILED: the test wrote no page"; exit 1; }

width=1280
height=2400
browser() {
    # No sandbox: CI runs as root. Nothing reaches the network.
    timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>>"$work/chromium.log"
}
browser --window-size="$width,$height" --screenshot="$work/shot.png" "file://$page" >/dev/null
browser --dump-dom "file://$page" >"$work/dom.html"
browser --no-pdf-header-footer --print-to-pdf="$work/print.pdf" "file://$page" >/dev/null

python3 - "$work" "$width" "$height" <<'PY'
import struct, sys, zlib
from html.parser import HTMLParser

work, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

# The screenshot: a PNG of the window's size, and not a blank page.
png = open(f"{work}/shot.png", "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
shot_width, shot_height = struct.unpack(">II", png[16:24])
assert (shot_width, shot_height) == (width, height), (shot_width, shot_height)
raw, offset = b"", 8
while offset < len(png):
    length, kind = struct.unpack(">I4s", png[offset:offset + 8])
    if kind == b"IDAT":
        raw += png[offset + 8:offset + 8 + length]
    offset += 12 + length
pixels = zlib.decompress(raw)
# Each row starts with a filter byte; count the rows that are not one
# colour all along (filter 1, "sub", makes a flat row all zero after it).
stride = len(pixels) // shot_height
busy = sum(1 for row in range(shot_height)
           if len(set(pixels[row * stride + 5:(row + 1) * stride])) > 2)
assert busy > shot_height // 4, f"only {busy} of {shot_height} rows hold anything"

# The DOM as Chromium built it: the page's table of cards.
class Cards(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.depth, self.section = None, 0, None
        self.headers, self.rows, self.svgs, self.scripts = [], [], [], 0
        self.cell = None
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "script":
            self.scripts += 1
        if tag == "svg":
            self.svgs.append(attrs.get("id"))
        if tag == "table" and attrs.get("id") == "cards":
            self.section = "cards"
        if self.section == "cards" and tag == "tr" and "data-card" in attrs:
            self.rows.append([attrs["data-card"]])
        if self.section == "cards" and tag in ("th", "td"):
            self.cell = ""
    def handle_endtag(self, tag):
        if tag == "table":
            self.section = None
        if self.section == "cards" and tag in ("th", "td") and self.cell is not None:
            (self.rows[-1] if tag == "td" else self.headers).append(self.cell.strip())
            self.cell = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

dom = Cards()
dom.feed(open(f"{work}/dom.html", encoding="utf-8").read())
assert dom.lang == "vi", dom.lang
assert dom.scripts == 0, "the page has a script"
assert {"error-bars", "heat-map-chart", "forecast-chart"} <= set(dom.svgs), dom.svgs
assert dom.headers[:3] == ["#", "Thẻ", "Đáp án"], dom.headers
assert len(dom.rows) >= 30, f"{len(dom.rows)} cards in the table"
assert all(len(row) == 1 + len(dom.headers) for row in dom.rows), "a row with missing cells"
assert [row[1] for row in dom.rows[:3]] == ["1", "2", "3"], dom.rows[:3]
hardest = {"ai-tao-sinh/category/jukedeck", "ai-tao-sinh/acronym/vaes",
           "ai-tao-sinh/recall/tao-am-nhac-va-am-thanh"}
assert {row[0] for row in dom.rows[:3]} == hardest, [row[0] for row in dom.rows[:3]]

pdf = open(f"{work}/print.pdf", "rb").read()
pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
assert pdf.startswith(b"%PDF") and pages >= 2, f"{pages} printed pages"
print(f"class html check ran: screenshot {shot_width}x{shot_height} ({len(png)} bytes, "
      f"{busy} rows drawn), {len(dom.rows)} cards in the DOM's table, top 3 the hardest, "
      f"{pages} pages printed")
PY
