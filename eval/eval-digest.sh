#!/bin/sh
# eval-digest.sh - news-digest's page as a reader sees it, in a real browser.
#
# The seeds (samples/) go through pipelines/digest.sh --html; Chromium
# (headless) renders the page at a desktop and a phone width into
# build/digest-seeds.png and build/digest-seeds-phone.png, to look at.
# Then the hostile fixture's page (tests/fixtures/digest/hostile.jsonl) is
# loaded and its DOM, as the browser built it, is checked: no element or
# attribute that could run script or load anything came from the records.
# Chromium is not a build dependency: without it this says so and stops.
. eval/lib.sh
need_bin news-digest
out=build
mkdir -p "$out"
pipelines/digest.sh --html samples/*.txt >"$out/digest-seeds.html" || exit 1
stories=$(grep -c '<article class="story"' "$out/digest-seeds.html")
echo "seeds page: $out/digest-seeds.html, $(wc -c <"$out/digest-seeds.html") bytes, $stories stories"
python3 eval/check_digest_page.py "$out/digest-seeds.html" >/dev/null || exit 1

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "$eval_name: skipped: no chromium (apt-get install chromium) to render the page"
	exit 0
fi
# One throw-away profile per run; no network, no first-run, no component updates.
shot() { # shot HTML PNG WIDTH HEIGHT
	profile=$(mktemp -d)
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
		--user-data-dir="$profile" --screenshot="$2" --window-size="$3,$4" "file://$PWD/$1" >/dev/null 2>&1
	rc=$?
	rm -rf "$profile"
	return $rc
}
dom() { # dom HTML: the DOM after loading, on stdout
	profile=$(mktemp -d)
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --dump-dom "file://$PWD/$1" 2>/dev/null
	rm -rf "$profile"
}
shot "$out/digest-seeds.html" "$out/digest-seeds.png" 1280 2200 || { echo "$eval_name: chromium failed" >&2; exit 1; }
shot "$out/digest-seeds.html" "$out/digest-seeds-phone.png" 390 4200 || exit 1
echo "screenshots: $out/digest-seeds.png (1280 px wide), $out/digest-seeds-phone.png (390 px wide)"

# The hostile page, as the browser parsed it.
if [ -f tests/fixtures/digest/hostile.jsonl ]; then
	"$BIN/news-digest" tests/fixtures/digest/hostile.jsonl >"$out/digest-hostile.html" 2>/dev/null
	dom "$out/digest-hostile.html" >"$out/digest-hostile.dom.html"
	python3 eval/check_digest_page.py "$out/digest-hostile.dom.html" --text '<script>alert(1)</script>' \
		--text '<img src=x onerror=alert(3)>' --text '<iframe src=//evil.example></iframe>' || exit 1
	echo "hostile page: the DOM Chromium built has no element, attribute or link from the records"
	shot "$out/digest-hostile.html" "$out/digest-hostile.png" 1280 2200
fi
