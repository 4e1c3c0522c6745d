import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../app/shared/format';
import { sortableColumn } from '../../../app/shared/list/paging';
import type { User } from '../types';
import type { UserSortField } from './api';

export interface UserColumnOptions {
  t: TFunction;
  sort?: UserSortField;
  order?: 'asc' | 'desc';
  canManage: boolean;
  meId: number;
  /** Phones: no fixed action column, so the table scrolls as a whole. */
  isMobile: boolean;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleStatus: (user: User) => void;
  onHistory: (user: User) => void;
}

export function userColumns(o: UserColumnOptions): ColumnsType<User> {
  const { t } = o;
  const sortable = (field: UserSortField) => sortableColumn(field, o);
  const columns: ColumnsType<User> = [
    // Stays in view while the other columns scroll sideways (phones, narrow cards).
    { title: t('org.user.username'), dataIndex: 'username', ...sortable('username'), width: 110, fixed: 'left' },
    { title: t('org.user.name'), dataIndex: 'name', ...sortable('name'), width: 90 },
    { title: t('org.user.department'), dataIndex: 'departmentName', key: 'department', width: 110 },
    { title: t('org.user.supervisor'), dataIndex: 'supervisorName', key: 'supervisor', width: 90, responsive: ['xxl'], render: (v: string | null) => v || '—' },
    {
      title: t('org.user.roles'),
      key: 'roles',
      width: 130,
      render: (_, u) => (u.roles.length ? u.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) : '—'),
    },
    { title: t('org.user.mobile'), dataIndex: 'mobile', key: 'mobile', width: 120, render: (v: string | null) => v || '—' },
    {
      title: t('org.user.status'),
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (s: User['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`userStatus.${s}`)}</Tag>,
    },
    { title: t('org.user.lastLoginAt'), dataIndex: 'lastLoginAt', ...sortable('lastLoginAt'), width: 140, render: formatDateTime },
    { title: t('org.user.createdAt'), dataIndex: 'createdAt', ...sortable('createdAt'), width: 140, responsive: ['xxl'], render: formatDateTime },
  ];
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    fixed: o.isMobile ? undefined : 'right',
    width: o.canManage ? 250 : 90,
    render: (_, u) => (
      <Space size={0}>
        {o.canManage && (
          <Button type="link" size="small" onClick={() => o.onEdit(u)}>
            {t('common.edit')}
          </Button>
        )}
        {o.canManage && (
          <Button type="link" size="small" onClick={() => o.onResetPassword(u)}>
            {t('org.user.resetPassword')}
          </Button>
        )}
        <Button type="link" size="small" onClick={() => o.onHistory(u)}>
          {t('audit.history')}
        </Button>
        {o.canManage && u.id !== o.meId && (
          <Popconfirm
            title={u.status === 'active' ? t('org.user.disableConfirm', { name: u.name }) : t('org.user.enableConfirm', { name: u.name })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => o.onToggleStatus(u)}
          >
            <Button type="link" size="small" danger={u.status === 'active'}>
              {u.status === 'active' ? t('org.user.disable') : t('org.user.enable')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    ),
  });
  return columns;
}
