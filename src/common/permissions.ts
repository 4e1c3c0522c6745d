/**
 * The permission catalog: every `module.action` the server checks, grouped by module.
 * Later areas append their module here (and register their routes on the server), so the role
 * editor's permission tree and the authorisation test pick them up without other changes.
 * Labels live in the web's i18n files under `perm.<code>` and `permModule.<module>`.
 */
export const permissionCatalog = [
  {
    module: 'org',
    scoped: true,
    permissions: ['org.department.view', 'org.department.manage', 'org.user.view', 'org.user.manage'],
  },
  { module: 'role', scoped: false, permissions: ['role.view', 'role.manage'] },
  { module: 'audit', scoped: true, permissions: ['audit.view'] },
  {
    module: 'customer',
    scoped: true,
    permissions: [
      'customer.view',
      'customer.create',
      'customer.update',
      'customer.delete',
      'customer.transfer',
      'customer.share',
      'customer.pool',
      'customer.assign',
      'customer.import',
      'customer.export',
      'customer.recycle',
    ],
  },
  { module: 'settings', scoped: false, permissions: ['settings.company.manage', 'settings.dictionary.manage', 'settings.customer.manage', 'settings.messaging.manage'] },
] as const;

export type PermissionModule = (typeof permissionCatalog)[number]['module'];
export type Permission = (typeof permissionCatalog)[number]['permissions'][number];

export const allPermissions: readonly Permission[] = permissionCatalog.flatMap((m) => m.permissions);

export function isPermission(value: string): value is Permission {
  return (allPermissions as readonly string[]).includes(value);
}

export function moduleOf(permission: string): string {
  return permission.split('.')[0];
}

/** Data scopes from narrowest to widest; the index is the order used to pick the widest. */
export const dataScopes = ['self', 'self_and_subordinates', 'department', 'department_tree', 'all'] as const;
export type DataScope = (typeof dataScopes)[number];

export function widestScope(scopes: DataScope[]): DataScope | null {
  if (scopes.length === 0) return null;
  return scopes.reduce((a, b) => (dataScopes.indexOf(a) >= dataScopes.indexOf(b) ? a : b));
}
