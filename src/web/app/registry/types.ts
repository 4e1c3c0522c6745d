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
 * How 操作记录 shows a stored value of one field (a dictionary code as its label, an id as a name):
 * the text, or undefined to show the value as stored.
 */
export type AuditValueFormat = (field: string, value: unknown) => string | undefined;

/** How 操作记录 reads the changes of one entity type. */
export interface AuditFormat {
  /** The i18n key of a field's label, where `auditField.<field>` is not the right one; `team.*` labels `team.4`. */
  fieldLabels?: Record<string, string>;
  /** A hook returning how stored values read (dictionary lookups need the query cache). */
  useValues?: () => AuditValueFormat;
}

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
  /** Per entity type, how its changes read in 操作记录. */
  auditFormats?: Record<AuditEntityType, AuditFormat>;
}
