import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useMe, usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { paginationOf } from '../../../app/shared/pagination';
import RecordHistory from '../../../app/shared/audit/RecordHistory';
import type { User } from '../types';
import { useUserMutations, useUsers, userSortFields, type UserListParams, type UserSortField } from './api';
import ResetPasswordModal from './ResetPasswordModal';
import { userColumns } from './userColumns';
import UserFilters, { type UserFilterValues } from './UserFilters';
import UserFormModal from './UserFormModal';

interface Props {
  /** Fix the list to one department (the department page's member list). */
  departmentId?: number;
}

/** The user table with search, filters, sorting, paging and the row actions. */
export default function UserList({ departmentId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { can } = usePermissions();
  const isMobile = useIsMobile();
  const canManage = can('org.user.manage');
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [paging, setPaging] = useState<Pick<UserListParams, 'page' | 'pageSize' | 'sort' | 'order'>>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const [historyOf, setHistoryOf] = useState<User | null>(null);
  const { update } = useUserMutations();

  const params: UserListParams = { ...filters, ...paging, ...(departmentId ? { departmentId } : {}) };
  const list = useUsers(params);

  const toggleStatus = (u: User) =>
    update.mutate(
      { id: u.id, status: u.status === 'active' ? 'disabled' : 'active' },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const columns = userColumns({
    t,
    sort: paging.sort,
    order: paging.order,
    canManage,
    meId: me.id,
    isMobile,
    onEdit: setEditing,
    onResetPassword: setResetting,
    onToggleStatus: toggleStatus,
    onHistory: setHistoryOf,
  });

  const onTableChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = userSortFields.find((f) => f === s?.columnKey) as UserSortField | undefined;
    setPaging({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sort: s?.order ? field : undefined,
      order: s?.order ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
    });
  };

  return (
    <>
      <div className="page-toolbar">
        <UserFilters
          value={filters}
          hideDepartment={!!departmentId}
          onChange={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <span className="page-toolbar-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('org.user.create')}
          </Button>
        )}
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        locale={list.isError ? { emptyText: errorMessage(list.error) } : undefined}
        pagination={paginationOf(list.data, paging, t)}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
      />
      <UserFormModal
        open={editing !== undefined}
        user={editing}
        defaultDepartmentId={departmentId}
        onClose={() => setEditing(undefined)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <Drawer
        open={!!historyOf}
        onClose={() => setHistoryOf(null)}
        title={historyOf ? `${t('audit.history')} · ${historyOf.name}` : ''}
        width={isMobile ? '100%' : 560}
        destroyOnHidden
      >
        {historyOf && <RecordHistory entityType="user" entityId={historyOf.id} />}
      </Drawer>
    </>
  );
}
