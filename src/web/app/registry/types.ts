import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from '../../../common/permissions';

/** A lazily loaded page or widget: `lazy(() => import('./UsersPage'))`. */
export type LazyComponent = LazyExoticComponent<ComponentType>;

/** A page of an area. `path` is absolute ("/org/users"); the shell wraps it in its layout. */
export interface AreaRoute {
  path: string;
  component: LazyComponent;
  /** Without it the page is open to every logged-in user; with it, others see 403. */
  permission?: Permission;
}

/** A sub-menu in the sidebar that entries of one or more areas join by `group`. */
export interface MenuGroup {
  key: string;
  labelKey: string;
  icon: ReactNode;
  /** Position among top-level menu items (smaller first). */
  order: number;
}

export interface MenuEntry {
  /** Route path the entry opens; also its menu key. */
  path: string;
  labelKey: string;
  icon?: ReactNode;
  permission?: Permission;
  /** Key of a MenuGroup; without it the entry sits at the top level. */
  group?: string;
  /** Position within its group, or at the top level when ungrouped (smaller first). */
  order: number;
  /** Offered by the workbench's 快捷入口 widget (default true). */
  quickLink?: boolean;
}

export interface WorkbenchWidget {
  id: string;
  titleKey: string;
  component: LazyComponent;
  permission?: Permission;
  order: number;
  /** Grid width on wide screens out of 24 (phones always use the full width). */
  span?: 8 | 12 | 16 | 24;
}

/** An entity type whose changes appear in 操作记录; label from `entity.<type>` in the i18n files. */
export type AuditEntityType = string;

/**
 * One business area of the web app (src/web/modules/<area>/index.ts).
 * Add an area by creating its folder and listing it once in app/modules.ts.
 */
export interface WebArea {
  id: string;
  routes?: AreaRoute[];
  menuGroups?: MenuGroup[];
  menu?: MenuEntry[];
  widgets?: WorkbenchWidget[];
  auditEntityTypes?: AuditEntityType[];
}
