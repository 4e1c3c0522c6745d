// The administrator sets up the organisation on a desktop: a sales department under the root, a
// 销售人员 in it through the 新建用户 form, then tries to delete the department that now has a member
// and is told why not.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, snap } from './support/browser';
import { ADMIN_PASSWORD, chooseOption, chooseTreeNode, departmentNode, expectWithinViewportWidth, gone, label, logIn, logOut, openMenu, visible } from './support/ui';

const DEPT = '华东销售部';
const REP = { username: 'xiaoli', password: 'Passw0rd1', name: '小李' };

/** The table's "共 N 条" under the list (other journeys may have added users already). */
async function listTotal(page: Page): Promise<number> {
  const text = await (await visible(page.getByText(/^共 \d+ 条$/))).first().innerText();
  return Number(/\d+/.exec(text)![0]);
}

describe('administrator organises departments and users (desktop)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser, DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs in on the Chinese login page', async () => {
    await page.goto('/login');
    await visible(page.getByRole('heading', { name: '企业CRM' }));
    expect(await page.getByLabel('账号').count()).toBe(1);
    expect(await page.getByLabel('密码').count()).toBe(1);
    await snap(page, 'admin-org-01-login');

    // A wrong password is refused with a message, and the user stays on the login page.
    await page.getByLabel('账号').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: label('登录') }).click();
    const alert = await visible(page.getByRole('alert'));
    expect(await alert.textContent()).toMatch(/账号或密码/);
    expect(new URL(page.url()).pathname).toBe('/login');
    await snap(page, 'admin-org-02-login-refused');

    await logIn(page, 'admin', ADMIN_PASSWORD);
    await visible(page.getByRole('heading', { name: /好，系统管理员/ }));
    const menu = page.getByRole('navigation', { name: '主菜单' });
    for (const item of ['工作台', '组织架构', '系统设置']) {
      expect(await menu.getByRole('menuitem', { name: item }).count()).toBe(1);
    }
    await snap(page, 'admin-org-03-workbench');
  });

  it('creates a department under the root', async () => {
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '组织架构' }).click();
    await menu.getByRole('menuitem', { name: '部门管理' }).click();
    await page.waitForURL('**/org/departments');
    await visible(page.getByText('在部门树中选择一个部门，查看详情和成员'));

    await departmentNode(page, '公司').click();
    await page.getByRole('button', { name: '新建子部门' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '在“公司”下新建子部门' }));
    await dialog.getByLabel('部门名称').fill(DEPT);
    await snap(page, 'admin-org-04-department-form');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await gone(dialog);
    await visible(page.getByText('已保存'));
    // The new department sits under 公司, with no members yet.
    await visible(departmentNode(page, DEPT, 0));
    await snap(page, 'admin-org-05-department-created');
  });

  it('creates a 销售人员 user through the 新建用户 form', async () => {
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/org/users');
    await visible(page.getByRole('heading', { name: '用户管理' }));
    await visible(page.getByRole('cell', { name: 'admin', exact: true }));
    const totalBefore = await listTotal(page);

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新建用户' }));

    // Saving the empty form names the missing fields and creates nothing.
    await dialog.getByRole('button', { name: label('保存') }).click();
    await visible(dialog.getByText('请输入账号'));
    await visible(dialog.getByText('请输入姓名'));
    await visible(dialog.getByText('请选择部门'));

    await dialog.getByLabel('账号').fill(REP.username);
    await dialog.getByLabel('初始密码').fill(REP.password);
    await dialog.getByLabel('姓名').fill(REP.name);
    await dialog.getByLabel('部门').click();
    await chooseTreeNode(page, DEPT);
    await visible(dialog.getByTitle(DEPT, { exact: true }));
    await dialog.getByLabel('角色').fill('销售');
    await chooseOption(page, '销售人员');
    await dialog.getByText('新建用户', { exact: true }).click(); // close the role list, as a person clicks elsewhere
    expect(await dialog.getByTitle('销售人员').count()).toBe(1);
    await snap(page, 'admin-org-06-user-form');

    await dialog.getByRole('button', { name: label('保存') }).click();
    await gone(dialog);
    await visible(page.getByText('已保存'));
    const row = await visible(page.getByRole('row', { name: new RegExp(REP.username) }));
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells).toEqual(expect.arrayContaining([REP.username, REP.name, DEPT, '销售人员', '正常']));
    await visible(page.getByText(`共 ${totalBefore + 1} 条`));
    await snap(page, 'admin-org-07-user-created');

    // The new user's own history names the creation and who did it.
    await row.getByRole('button', { name: label('操作记录') }).click();
    const history = await visible(page.getByRole('dialog', { name: `操作记录 · ${REP.name}` }));
    await visible(history.getByText('新建', { exact: true }));
    await visible(history.getByText(/系统管理员/));
    await snap(page, 'admin-org-07b-user-history');
    await page.keyboard.press('Escape');
    await gone(history);

    // Disabled and enabled again: the history names the status by its word, not its code.
    for (const [button, confirmText] of [['停用', `确定停用用户“${REP.name}”？`], ['启用', `确定启用用户“${REP.name}”？`]]) {
      await row.getByRole('button', { name: label(button) }).click();
      const confirm = await visible(page.getByRole('tooltip').filter({ hasText: confirmText }));
      await confirm.getByRole('button', { name: label('确定') }).click();
      await gone(confirm);
    }
    await visible(row.getByText('正常', { exact: true }));
    await row.getByRole('button', { name: label('操作记录') }).click();
    const changes = await visible(page.getByRole('dialog', { name: `操作记录 · ${REP.name}` }));
    const newest = changes.locator('.ant-timeline-item').first();
    await visible(newest.getByRole('cell', { name: '状态', exact: true }));
    await visible(newest.getByRole('cell', { name: '已停用', exact: true }));
    await visible(newest.getByRole('cell', { name: '正常', exact: true }));
    expect(await newest.innerText()).not.toContain('disabled');
    await snap(page, 'admin-org-07c-status-history');
    await page.keyboard.press('Escape');
    await gone(changes);
  });

  it('reads the status change in 系统设置 → 操作记录, old → new, within the page', async () => {
    await openMenu(page, '系统设置', '操作记录');
    const search = page.getByPlaceholder('搜索摘要');
    await search.fill(REP.username);
    await search.press('Enter');
    const entry = await visible(page.getByRole('row').filter({ hasText: '用户 #' }).filter({ hasText: '状态变更' }).first());
    await entry.getByRole('button', { name: '展开行' }).click();
    const changes = await visible(page.locator('.ant-table-expanded-row').first());
    await visible(changes.getByRole('cell', { name: '状态', exact: true }));
    // Both values show, inside the page: the expanded table once asked for a million pixels.
    await expectWithinViewportWidth(page, changes.getByRole('columnheader', { name: '新值' }));
    await visible(changes.getByRole('cell', { name: '已停用', exact: true }));
    await visible(changes.getByRole('cell', { name: '正常', exact: true }));
    await snap(page, 'admin-org-07d-audit-page');
    await openMenu(page, '组织架构', '用户管理');
  });

  it('is told why the department with a member cannot be deleted', async () => {
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: '部门管理' }).click();
    await page.waitForURL('**/org/departments');
    await departmentNode(page, DEPT).click();
    const detail = await visible(page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '成员（含下级部门）' }) }));
    await visible(detail.getByRole('cell', { name: REP.name, exact: true }));
    // The count comes with the tree, which may still be the cached one from before the user was added.
    await expect.poll(() => detail.innerText()).toMatch(/本部门人数[:：]?\s*1\b/);

    await detail.getByRole('button', { name: label('删除') }).click();
    const confirm = await visible(page.getByRole('tooltip').filter({ hasText: `确定删除部门“${DEPT}”？` }));
    await confirm.getByRole('button', { name: label('删除') }).click();
    const refusal = await visible(page.getByText('部门下还有 1 个用户，不能删除'));
    expect(await refusal.count()).toBe(1);
    await snap(page, 'admin-org-08-delete-refused');
    // Nothing was deleted: the department is still in the tree with its member.
    expect(await departmentNode(page, DEPT, 1).count()).toBe(1);
    expect(await detail.getByRole('cell', { name: REP.name, exact: true }).count()).toBe(1);

    await logOut(page);
    await snap(page, 'admin-org-09-logged-out');
  });
});
