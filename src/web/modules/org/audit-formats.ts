import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/auth/session';
import type { AuditFormat, AuditValueFormat } from '../../app/registry/types';
import { useDepartments } from './departments/api';

/** A department id by its name, for those who may read the tree (others see the id). */
function useDepartmentName() {
  const { can } = usePermissions();
  const { data } = useDepartments(can('org.department.view'));
  return useCallback((value: unknown) => (typeof value === 'number' ? data?.find((d) => d.id === value)?.name : undefined), [data]);
}

function useUserValues(): AuditValueFormat {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  return useCallback(
    (field, value) => {
      if (field === 'departmentId') return departmentName(value);
      if (field === 'status' && typeof value === 'string') return t(`userStatus.${value}`, { defaultValue: value });
      return undefined;
    },
    [t, departmentName],
  );
}

function useDepartmentValues(): AuditValueFormat {
  const departmentName = useDepartmentName();
  return useCallback((field, value) => (field === 'parentId' ? departmentName(value) : undefined), [departmentName]);
}

function useRoleValues(): AuditValueFormat {
  const { t } = useTranslation();
  return useCallback(
    (field, value) => {
      if (field === 'dataScope' && typeof value === 'string') return t(`dataScope.${value}`, { defaultValue: value });
      if (field === 'permissions' && Array.isArray(value)) return value.map((p) => t(`perm.${String(p)}`, { defaultValue: String(p) })).join(t('common.listSeparator'));
      return undefined;
    },
    [t],
  );
}

/** How 操作记录 reads users', departments' and roles' changes (WebArea.auditFormats). */
export const orgAuditFormats: Record<string, AuditFormat> = {
  user: { useValues: useUserValues },
  department: { useValues: useDepartmentValues },
  role: { useValues: useRoleValues },
};
