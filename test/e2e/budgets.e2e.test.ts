// Budgets of issue 5: each app's JavaScript ≤ 250 KB gzipped (asserted: bytes are not wall-clock), and
// the first load over the LAN, measured in Chromium against a real hub and printed (not asserted).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type HubUnderTest } from '../support/running-hub.js';
import { launchBrowser, newDevice } from './support/browser.js';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer', 'dist');
const BUDGET_GZIP_BYTES = 250 * 1024;
const HUB_APPS = [
  { app: 'waiter', url: '/waiter/' },
  { app: 'kitchen', url: '/kitchen/' },
  { app: 'admin', url: '/admin/' },
  { app: 'table', url: '/t/' },
];
const built = (app: string) => {
  try {
    return readdirSync(path.join(DIST, app, 'assets'));
  } catch {
    return null;
  }
};

describe('app budgets', () => {
  it.each(HUB_APPS.map((a) => [a.app]))('%s ships at most 250 KB of gzipped JavaScript', (app) => {
    const assets = built(app);
    expect(assets, `renderer/dist/${app} is not built`).not.toBeNull();
    const js = assets!.filter((f) => f.endsWith('.js'));
    const gz = js.reduce(
      (sum, f) => sum + gzipSync(readFileSync(path.join(DIST, app, 'assets', f))).length,
      0,
    );
    console.log(`budget ${app}: js_gzip_kb=${(gz / 1024).toFixed(1)} files=${js.length}`);
    expect(gz).toBeGreaterThan(0);
    expect(gz).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  describe('first load from the hub', () => {
    let hub: HubUnderTest;
    let browser: Browser;
    beforeAll(async () => {
      hub = await startTestHub();
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await hub?.stop();
    });

    it('every app loads and renders from a cold cache', async () => {
      for (const { app, url } of HUB_APPS) {
        const { context, page } = await newDevice(browser, app === 'table' ? 'phone' : 'tablet');
        const response = await page.goto(hub.base + url, { waitUntil: 'load' });
        expect(response?.status(), app).toBe(200);
        // Rendered: React put something in #root.
        await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
        const nav = await page.evaluate(() => {
          const [n] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          return { domContentLoaded: n?.domContentLoadedEventEnd ?? 0, load: n?.loadEventEnd ?? 0 };
        });
        console.log(
          `first load ${app}: dom_content_loaded_ms=${nav.domContentLoaded.toFixed(0)} load_ms=${nav.load.toFixed(0)}`,
        );
        await context.close();
      }
    });
  });
});
