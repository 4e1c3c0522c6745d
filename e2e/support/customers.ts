// Helpers for the customer pages, shared by the customer journeys.
import type { Locator, Page } from 'playwright-core';
import { openMenu, tableSettled, visible } from './ui';

/** The customer view's header card: name, star, tags, owner line and the quick actions. */
export function viewHeader(page: Page): Locator {
  return page.locator('.customer-view-header');
}

/** The timeline of 行动历史, each entry's text on one line, newest first. */
export async function timeline(page: Page): Promise<string[]> {
  const items = page.locator('.ant-timeline-item');
  await visible(items);
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** A list's table row by a cell's exact text (not the view's 基本信息, whose rows name the customer too). */
export function tableRow(page: Page, text: string): Locator {
  return page.locator('.ant-table-tbody').getByRole('row').filter({ has: page.getByText(text, { exact: true }) });
}

/** Opens 客户 from the menu, optionally on a scene, and waits until its rows are the scene's own. */
export async function openCustomers(page: Page, scene?: string): Promise<void> {
  await openMenu(page, '客户管理', '客户');
  await page.waitForURL((url) => url.pathname === '/customers');
  await visible(page.getByRole('heading', { name: '客户', exact: true }));
  if (scene) {
    const scenes = page.getByRole('radiogroup', { name: '场景' });
    await scenes.getByText(scene, { exact: true }).click();
    await scenes.getByRole('radio', { name: scene, checked: true }).waitFor({ state: 'attached' });
  }
  // The rows shown while a page loads are the previous scene's, and a click on them can be lost.
  await tableSettled(page);
}
