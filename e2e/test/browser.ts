// A real browser for the web app's tests: Debian's chromium (deploy/local/components/chromium.sh) driven by
// playwright-core, screenshots into e2e/results/ (git-ignored, kept as test artifacts), and an axe-core
// scan that fails on serious or critical accessibility violations.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

const CHROMIUM = process.env.PORTFOLIOOS_CHROMIUM ?? '/usr/bin/chromium';
/** Where screenshots go: e2e/results/screenshots/. */
export const SCREENSHOTS = fileURLToPath(new URL('../results/screenshots/', import.meta.url));

/** Headless chromium; WebGL (MapLibre) through SwiftShader, since the machines have no GPU. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-dev-shm-usage'],
  });
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: false });

/** Runs axe (WCAG 2.x A/AA rules) on the page as it is; fails listing each serious or critical finding. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe inside the page itself: the default opens a second page to combine frames'
  // results, which mobile-emulating contexts refuse (the app has no frames to combine).
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
    `${label}: axe found serious/critical violations`,
  );
}

/**
 * Watches the requests to each path: how many were sent, how many the page aborted, and how many
 * completed although a newer one to the same path had started meanwhile (overlaps: two searches in flight).
 * An aborted request is not an overlap: the browser may report its end after the next request began.
 */
export function trackSearches(page: Page, paths: string[]) {
  const stats = new Map(paths.map((p) => [p, { sent: 0, aborted: 0, overlaps: 0 }]));
  // When the newest request to each path was sent (epoch ms, the clock of Playwright's request timing).
  const inFlight = new Map<Request, { path: string; supersededAt?: number }>();
  const pathOf = (request: Request) => paths.find((p) => new URL(request.url()).pathname === p);
  page.on('request', (request) => {
    const path = pathOf(request);
    if (!path) return;
    const now = Date.now();
    for (const other of inFlight.values()) if (other.path === path) other.supersededAt ??= now;
    inFlight.set(request, { path });
    stats.get(path)!.sent++;
  });
  page.on('requestfinished', (request) => {
    const entry = inFlight.get(request);
    // An overlap only if its response was still arriving when the newer one was sent: on a loaded machine
    // the browser reports the end of a response it had fully received after the next request began.
    const { startTime, responseEnd } = request.timing();
    if (entry?.supersededAt !== undefined && startTime + responseEnd > entry.supersededAt) {
      stats.get(entry.path)!.overlaps++;
    }
    inFlight.delete(request);
  });
  page.on('requestfailed', (request) => {
    const entry = inFlight.get(request);
    if (entry) stats.get(entry.path)!.aborted++;
    inFlight.delete(request);
  });
  return stats;
}
