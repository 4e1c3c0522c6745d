import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };
export const screenshotDir = path.resolve('test-results/screens');

/** Pages a journey has open, so a failed step can show what each one looked like (failure-report.ts). */
export const openPages = new Set<Page>();

export function baseUrl() {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** A page on the journeys' shared server, or on `base` (a journey's own server, e.g. with the demo company). */
export async function newPage(browser: Browser, viewport = DESKTOP, base = baseUrl()): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: base, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

/**
 * Screenshots of every journey step land in test-results/screens for a person to look at.
 * Animations are fast-forwarded, so a closing modal or a leaving toast is shown at rest.
 */
/**
 * A full-page screenshot, taken from the top: one taken scrolled down draws the sticky header in
 * mid-page. The scroll position is put back afterwards.
 */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const scrolled = await page.evaluate(() => window.scrollY);
  if (scrolled) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  if (scrolled) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
}

export async function loginAs(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
