import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser';
import { messagingFields } from '../../src/common/messaging';

export { E2E_ADMIN_PASSWORD as ADMIN_PASSWORD } from './global-setup';

/**
 * A button's accessible name, tolerating the space Ant Design puts between two Chinese characters
 * ("保存" is rendered "保 存") and the icon's own name in front ("delete 删除").
 */
export function label(text: string): RegExp {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${escaped.join('\\s*')}\\s*$`);
}

/** An antd Card by its exact title (a workbench widget, a settings section). */
export function cardTitled(page: Page, title: string): Locator {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
}

/** Waits until the locator is visible (Playwright's auto-wait), failing after the page timeout. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible' });
  return locator;
}

/** Waits until nothing matching the locator is visible any more. */
export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden' });
}

/** Waits until no table on the page shows its loading spinner (the rows are the current query's). */
export async function tableSettled(page: Page): Promise<void> {
  await gone(page.locator('.ant-table-wrapper .ant-spin-spinning'));
}

/**
 * The open Select drop-down once it has settled: not one still sliding open, nor the previous
 * field's list sliding shut (a click during either can land on the wrong row or on none; seen in CI).
 */
const settledDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])');

/**
 * The open popover once it has finished sliding in: a click during its opening animation can be
 * lost (seen in CI: a 列设置 checkbox clicked, its state unchanged).
 */
export const settledPopover = (page: Page) => page.locator('.ant-popover:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])');

/** Clicks the visible option of the open Select drop-down (its items carry the label as title). */
export async function chooseOption(page: Page, text: string): Promise<void> {
  await settledDropdown(page).getByTitle(text, { exact: true }).click();
}

/** Clicks a node of the open TreeSelect drop-down (a department picker) by its name. */
export async function chooseTreeNode(page: Page, name: string): Promise<void> {
  await settledDropdown(page).getByRole('treeitem', { name }).click();
}

/**
 * A node of the 部门管理 tree by department name, optionally with its member count (the badge).
 * The node's name may start with its expand icon ("minus-square 公司 2").
 */
export function departmentNode(page: Page, name: string, members?: number): Locator {
  const count = members === undefined ? '\\d+' : String(members);
  return page.getByRole('tree').getByRole('treeitem', { name: new RegExp(`(^|\\s)${name} ${count}$`) });
}

/** Log in through the Chinese login page the way a person does: labels, then the 登录 button. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await visible(page.getByText('请登录您的账号'));
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Opens the user menu in the header and chooses 退出登录; ends on the login page. */
export async function logOut(page: Page): Promise<void> {
  // A click while the menu is still sliding open can be lost (seen in CI: the menu open, the page
  // unchanged): click its entry once it has settled, and again if the page did not go.
  const menu = page.locator('.ant-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await menu.getByRole('menuitem', { name: '退出登录' }).isVisible())) await page.getByTestId('user-menu').click();
    await menu.getByRole('menuitem', { name: '退出登录' }).click();
    const left = await page.waitForURL((url) => url.pathname === '/login', { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (left) break;
  }
  await page.waitForURL((url) => url.pathname === '/login');
  await visible(page.getByText('请登录您的账号'));
}

/** The page is no wider than the screen: nothing sticks out to the right on a phone. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The element's box once it has stopped moving: a modal or drawer zooms and slides in, so a box
 * measured mid-animation would be wrong. Polls frame by frame until two readings agree.
 */
export async function stableBox(locator: Locator): Promise<Box> {
  await locator.waitFor({ state: 'visible' });
  let previous: Box | null = null;
  const deadline = Date.now() + 5_000;
  for (;;) {
    const box = await locator.boundingBox();
    if (box && previous && ['x', 'y', 'width', 'height'].every((k) => Math.abs(box[k as keyof Box] - previous![k as keyof Box]) < 0.5)) {
      return box;
    }
    if (Date.now() > deadline) throw new Error(`${String(locator)} kept moving`);
    previous = box;
    await locator.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** Asserts the box lies inside the viewport horizontally (e.g. a modal on a phone). */
export async function expectWithinViewportWidth(page: Page, locator: Locator): Promise<void> {
  const box = await stableBox(locator);
  const width = page.viewportSize()?.width ?? 0;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
}

/** A logged-in API client, as the web app uses it: session cookie plus the CSRF header. */
export async function apiSession(username: string, password: string) {
  const base = baseUrl();
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, path: string, payload?: unknown): Promise<T> => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'x-csrf-token': body.csrfToken,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, payload: unknown) => call<T>('POST', path, payload),
    put: <T>(path: string, payload: unknown) => call<T>('PUT', path, payload),
    delete: (path: string) => call<void>('DELETE', path),
  };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/**
 * Creates a department under the root (公司) unless it exists, and a user in it with the named role
 * (and supervisor, when given), via the API.
 */
export async function createUserViaApi(
  admin: ApiSession,
  user: { username: string; password: string; name: string; department: string; role: string; supervisorId?: number },
): Promise<{ id: number; departmentId: number }> {
  const { items: departments } = await admin.get<{ items: { id: number; name: string; parentId: number | null }[] }>('/departments');
  const root = departments.find((d) => d.parentId === null);
  expect(root).toBeDefined();
  const department =
    departments.find((d) => d.name === user.department) ??
    (await admin.post<{ id: number }>('/departments', { name: user.department, parentId: root!.id }));
  const { items: roles } = await admin.get<{ items: { id: number; name: string }[] }>('/roles/options');
  const role = roles.find((r) => r.name === user.role);
  expect(role).toBeDefined();
  const created = await admin.post<{ id: number }>('/users', {
    username: user.username,
    password: user.password,
    name: user.name,
    departmentId: department.id,
    roleIds: [role!.id],
    ...(user.supervisorId ? { supervisorId: user.supervisorId } : {}),
  });
  return { id: created.id, departmentId: department.id };
}

/**
 * Opens a page from the main menu the way a person does: on a phone through the menu drawer, on a
 * desktop from the sidebar, expanding the group first when its entries are hidden.
 */
export async function openMenu(page: Page, ...path: string[]): Promise<void> {
  const phone = (page.viewportSize()?.width ?? 0) < 768;
  if (phone) await page.getByTestId('menu-button').click();
  const nav = await visible(page.getByRole('navigation', { name: '主菜单' }));
  const leaf = nav.getByRole('menuitem', { name: label(path[path.length - 1]) });
  for (const group of path.slice(0, -1)) {
    // A click on a group right after the page renders can be lost (seen in CI): open it again until
    // its item shows. Only a closed group is clicked: clicking one still opening (slow under load)
    // closed it again, and three tries could end with the group shut (seen in CI too).
    const title = nav.getByRole('menuitem', { name: label(group) });
    for (let attempt = 0; attempt < 5 && !(await leaf.isVisible()); attempt++) {
      if ((await title.getAttribute('aria-expanded')) !== 'true') await title.click();
      await leaf.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
    }
  }
  if (phone) {
    await leaf.click();
    await gone(page.getByRole('dialog', { name: '主菜单' }));
    return;
  }
  // A click on an entry while its group is still sliding open can land nowhere (seen in CI: the
  // group open, the page unchanged): the entry is selected once its page is the current one, so
  // click again until it is.
  const chosen = leaf.and(nav.locator('.ant-menu-item-selected'));
  for (let attempt = 0; attempt < 3; attempt++) {
    await leaf.click();
    const selected = await chosen.waitFor({ state: 'visible', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (selected) return;
  }
  await visible(chosen);
}

/**
 * The messaging settings' GET answers more than PUT takes (flags like hasPassword) and never the
 * secrets: the editable fields to send back, so a journey changes only what it means to.
 */
export function messagingSettingsBody(current: Record<string, unknown>): Record<string, unknown> {
  const secrets = ['smtpPassword', 'smsSecret'];
  return Object.fromEntries(messagingFields.filter((k) => !secrets.includes(k) && k in current).map((k) => [k, current[k]]));
}
