// A real browser for the web app's tests: Debian's chromium (deploy/local/components/chromium.sh) driven by
// playwright-core, screenshots into e2e/results/ (git-ignored, kept as test artifacts), and an axe-core
// scan that fails on serious or critical accessibility violations.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Counts concurrent requests per path prefix, so a test can check the page never overlaps its searches. */
export function trackInFlight(page: Page, prefixes: string[]) {
  const inFlight = new Map<string, number>(prefixes.map((p) => [p, 0]));
  const most = new Map<string, number>(prefixes.map((p) => [p, 0]));
  const total = new Map<string, number>(prefixes.map((p) => [p, 0]));
  const prefixOf = (url: string) => prefixes.find((p) => new URL(url).pathname === p);
  page.on('request', (request) => {
    const prefix = prefixOf(request.url());
    if (!prefix) return;
    inFlight.set(prefix, inFlight.get(prefix)! + 1);
    total.set(prefix, total.get(prefix)! + 1);
    most.set(prefix, Math.max(most.get(prefix)!, inFlight.get(prefix)!));
  });
  const done = (request: { url(): string }) => {
    const prefix = prefixOf(request.url());
    if (prefix) inFlight.set(prefix, inFlight.get(prefix)! - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { most, total };
}
