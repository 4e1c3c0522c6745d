import { areas } from '../modules';
import type { AreaRoute, AuditFormat, MenuEntry, MenuGroup, WorkbenchWidget } from './types';

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

export const routes: AreaRoute[] = areas.flatMap((a) => a.routes ?? []);
export const menuGroups: MenuGroup[] = areas.flatMap((a) => a.menuGroups ?? []).sort(byOrder);
export const menuEntries: MenuEntry[] = areas.flatMap((a) => a.menu ?? []).sort(byOrder);
export const widgets: WorkbenchWidget[] = areas.flatMap((a) => a.widgets ?? []).sort(byOrder);
export const auditEntityTypes: string[] = [...new Set(areas.flatMap((a) => a.auditEntityTypes ?? []))];
export const auditFormats: Record<string, AuditFormat> = Object.assign({}, ...areas.map((a) => a.auditFormats ?? {}));

type Can = (perm?: string) => boolean;

export interface MenuNode {
  key: string;
  labelKey: string;
  icon?: MenuGroup['icon'];
  order: number;
  children?: MenuEntry[];
}

/** The sidebar for one user: entries they may open, grouped, empty groups dropped. */
export function visibleMenu(can: Can): MenuNode[] {
  const allowed = menuEntries.filter((e) => can(e.permission));
  const top: MenuNode[] = allowed
    .filter((e) => !e.group)
    .map((e) => ({ key: e.path, labelKey: e.labelKey, icon: e.icon, order: e.order }));
  for (const group of menuGroups) {
    const children = allowed.filter((e) => e.group === group.key);
    if (children.length > 0) top.push({ ...group, children });
  }
  return top.sort(byOrder);
}

export function visibleWidgets(can: Can): WorkbenchWidget[] {
  return widgets.filter((w) => can(w.permission));
}

/** Pages for 快捷入口, in menu order (groups as in the sidebar). */
export function quickLinks(can: Can): MenuEntry[] {
  return visibleMenu(can)
    .flatMap((node) => node.children ?? menuEntries.filter((e) => e.path === node.key))
    .filter((e) => e.quickLink !== false && e.path !== '/');
}

/** The group keys that contain the given path, so the sider can open the right sub-menu. */
export function groupOfPath(pathname: string): string | undefined {
  const entry = menuEntries
    .filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return entry?.group;
}

export function selectedMenuKey(pathname: string): string | undefined {
  if (pathname === '/') return '/';
  return menuEntries
    .filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
