// When a journey step fails, CI's log is all that is left of it (the clean clone is thrown away).
// So every page still open is photographed into test-results/failures and its address and visible
// text are printed under the failure: enough to tell a lost click from a page that never loaded.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, onTestFailed } from 'vitest';
import { openPages } from './browser';

const failureDir = path.resolve('test-results/failures');
const TEXT_LIMIT = 1_500;

beforeEach(() => {
  onTestFailed(async ({ task }) => {
    fs.mkdirSync(failureDir, { recursive: true });
    const base = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    let n = 0;
    for (const page of openPages) {
      n += 1;
      const report = [`--- page ${n} of "${task.name}" at ${page.url()}`];
      try {
        const file = path.join(failureDir, `${base}-${n}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        const text = (await page.locator('body').innerText({ timeout: 5_000 })).replace(/\s+/g, ' ').trim();
        report.push(`screenshot: ${file}`, `text: ${text.slice(0, TEXT_LIMIT)}${text.length > TEXT_LIMIT ? ' …' : ''}`);
      } catch (err) {
        report.push(`(could not read the page: ${err instanceof Error ? err.message : String(err)})`);
      }
      console.error(report.join('\n'));
    }
  });
});
