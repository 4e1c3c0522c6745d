import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFormat, AuditValueFormat } from '../../app/registry/types';

// Departments and supervisors need nothing here: the server names the ids it stores.

function useUserValues(): AuditValueFormat {
  const { t } = useTranslation();
  return useCallback((field, value) => (field === 'status' && typeof value === 'string' ? t(`userStatus.${value}`, { defaultValue: value }) : undefined), [t]);
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

/** How 操作记录 reads users' and roles' changes (WebArea.auditFormats). */
export const orgAuditFormats: Record<string, AuditFormat> = {
  user: { useValues: useUserValues },
  role: { useValues: useRoleValues },
};
