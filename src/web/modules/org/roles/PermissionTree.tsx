import { Empty, Skeleton, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { usePermissionCatalog } from './api';

const MODULE_PREFIX = 'module:';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Checkable permissions grouped by module (GET /permissions); the value is permission codes. */
export default function PermissionTree({ value = [], onChange, disabled }: Props) {
  const { t } = useTranslation();
  const catalog = usePermissionCatalog();

  const treeData = useMemo<DataNode[]>(
    () =>
      (catalog.data ?? []).map((m) => ({
        key: `${MODULE_PREFIX}${m.module}`,
        title: (
          <span>
            {t(`permModule.${m.module}`, { defaultValue: m.module })}
            {m.scoped && (
              <Tag variant="filled" color="blue" style={{ marginInlineStart: 8 }}>
                {t('org.role.scoped')}
              </Tag>
            )}
          </span>
        ),
        children: m.permissions.map((p) => ({ key: p, title: t(`perm.${p}`, { defaultValue: p }) })),
      })),
    [catalog.data, t],
  );
  const expandedKeys = useMemo(() => treeData.map((n) => n.key), [treeData]);

  if (catalog.isLoading) return <Skeleton active />;
  if (catalog.error) return <Empty description={errorMessage(catalog.error)} />;
  return (
    <Tree
      checkable
      selectable={false}
      disabled={disabled}
      treeData={treeData}
      defaultExpandedKeys={expandedKeys}
      checkedKeys={value}
      onCheck={(checked) => {
        const keys = Array.isArray(checked) ? checked : checked.checked;
        onChange?.(keys.map(String).filter((k) => !k.startsWith(MODULE_PREFIX)));
      }}
    />
  );
}
