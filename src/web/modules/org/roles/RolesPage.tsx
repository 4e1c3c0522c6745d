import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import DeleteLink from '../../../app/shared/DeleteLink';
import ListTable from '../../../app/shared/list/ListTable';
import type { Role } from '../types';
import { useRoleMutations, useRoles } from './api';
import RoleEditorDrawer from './RoleEditorDrawer';

/** 角色权限: the roles, each with its data scope and how many users hold it. */
export default function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const canManage = can('role.manage');
  const roles = useRoles();
  const { remove } = useRoleMutations();
  const [editing, setEditing] = useState<Role | null | undefined>(undefined);

  const confirmDelete = (role: Role) =>
    remove.mutateAsync(role.id).then(
      () => void message.success(t('common.deleted')),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const columns: ColumnsType<Role> = [
    {
      title: t('org.role.name'),
      dataIndex: 'name',
      key: 'name',
      width: 180,
      render: (name: string, role) => (
        <Space size={4} wrap>
          {name}
          {role.isSystem && <Tag color="gold">{t('org.role.system')}</Tag>}
        </Space>
      ),
    },
    { title: t('org.role.description'), dataIndex: 'description', key: 'description', render: (v: string | null) => v || '—' },
    { title: t('org.role.dataScope'), dataIndex: 'dataScope', key: 'dataScope', width: 150, render: (s: string) => t(`dataScope.${s}`) },
    { title: t('org.role.permissionCount'), key: 'permissionCount', width: 90, render: (_, r) => r.permissions.length },
    { title: t('org.role.userCount'), dataIndex: 'userCount', key: 'userCount', width: 90 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(role)}>
            {canManage ? t('common.edit') : t('common.view')}
          </Button>
          {canManage &&
            (role.isSystem ? (
              <Tooltip title={t('org.role.systemNoDelete')}>
                <Button type="link" size="small" danger disabled>
                  {t('common.delete')}
                </Button>
              </Tooltip>
            ) : (
              <DeleteLink title={t('org.role.deleteConfirm', { name: role.name })} onConfirm={() => confirmDelete(role)} />
            ))}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <div className="page-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }} className="page-toolbar-grow">
          {t('menu.roles')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('org.role.create')}
          </Button>
        )}
      </div>
      <ListTable<Role> list={roles} columns={columns} />
      <RoleEditorDrawer open={editing !== undefined} role={editing} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
