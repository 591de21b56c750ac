# Chromium for the browser tests (e2e/test/web-*.e2e.test.ts): Debian's package, driven by playwright-core
# over CDP (Playwright's own browser download cannot reach its CDN here). Nothing runs: each test
# launches its own headless browser. `up` installs it once; afterwards it only checks it is there.

CHROMIUM_BIN=/usr/bin/chromium

chromium_provision() { ensure_debs chromium fonts-liberation; }

chromium_answering() { [[ -x $CHROMIUM_BIN ]]; }

chromium_start() { chromium_answering || die "chromium: $CHROMIUM_BIN is missing after provisioning"; }

chromium_stop() { :; }

chromium_status() {
  chromium_answering || { status_line chromium down - -; return 1; }
  # Debian's wrapper script prints shell noise on stderr for --version.
  status_line chromium up - "$("$CHROMIUM_BIN" --version 2>/dev/null | head -n 1) (headless, for browser tests)"
}
