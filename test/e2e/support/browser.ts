// Debian's Chromium driven by playwright-core (never a downloaded browser): headless, no sandbox (CI runs
// as root), background networking off (this machine's closed network refuses it, noisily).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** The sizes the apps are designed for. */
export const VIEWPORTS = {
  tablet: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
  kitchen: { width: 1920, height: 1080 },
  laptop: { width: 1440, height: 900 },
} as const;

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      "Chromium not found: install Debian's package (`apt-get install -y chromium`) or set CHROMIUM_PATH",
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh browser profile (its own localStorage and IndexedDB) at one of the design sizes. */
export async function newDevice(
  browser: Browser,
  viewport: keyof typeof VIEWPORTS,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: options.locale ?? 'es-ES',
    hasTouch: viewport === 'phone' || viewport === 'tablet',
    isMobile: viewport === 'phone',
  });
  const page = await context.newPage();
  // A page error is a failing test's best clue: print it.
  page.on('pageerror', (err) => console.error(`[${viewport}] page error:`, err.message));
  return { context, page };
}

/** Saves a screenshot under test/e2e/screenshots/ (git-ignored) for people to judge the UI by. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
