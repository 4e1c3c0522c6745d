import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useMe, usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import RecordHistory from '../../../app/shared/audit/RecordHistory';
import ListTable from '../../../app/shared/list/ListTable';
import { useListState } from '../../../app/shared/list/useListState';
import type { User } from '../types';
import { useUserMutations, useUsers, userSortFields, type UserSortField } from './api';
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
  const state = useListState<UserFilterValues, UserSortField>({ sortFields: userSortFields });
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const [historyOf, setHistoryOf] = useState<User | null>(null);
  const { update } = useUserMutations();

  const list = useUsers({ ...state.params, ...(departmentId ? { departmentId } : {}) });

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
    sort: state.paging.sort,
    order: state.paging.order,
    canManage,
    meId: me.id,
    isMobile,
    onEdit: setEditing,
    onResetPassword: setResetting,
    onToggleStatus: toggleStatus,
    onHistory: setHistoryOf,
  });

  return (
    <>
      <div className="page-toolbar">
        <UserFilters value={state.filters} hideDepartment={!!departmentId} onChange={state.setFilters} />
        <span className="page-toolbar-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('org.user.create')}
          </Button>
        )}
      </div>
      <ListTable<User> list={list} state={state} columns={columns} />
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
