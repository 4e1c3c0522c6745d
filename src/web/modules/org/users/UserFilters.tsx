import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import DepartmentSelect from '../departments/DepartmentSelect';
import { useRoleOptions } from '../roles/api';
import { userStatuses, type UserStatus } from '../types';
import SearchBox from '../../../app/shared/list/SearchBox';

export interface UserFilterValues {
  q?: string;
  departmentId?: number;
  status?: UserStatus;
  roleId?: number;
}

interface Props {
  value: UserFilterValues;
  onChange: (next: UserFilterValues) => void;
  /** Hide the department filter when the list is already fixed to one department. */
  hideDepartment?: boolean;
}

/** Search box and filters above the user table; every change goes back to page 1. */
export default function UserFilters({ value, onChange, hideDepartment }: Props) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const set = (patch: UserFilterValues) => onChange({ ...value, ...patch });
  return (
    <>
      <SearchBox label={t('org.user.searchPlaceholder')} defaultValue={value.q} onSearch={(q) => set({ q })} />
      {!hideDepartment && (
        <DepartmentSelect
          allowClear
          value={value.departmentId}
          onChange={(departmentId) => set({ departmentId: departmentId ?? undefined })}
          placeholder={t('org.user.department')}
          aria-label={t('org.user.department')}
        />
      )}
      <Select<UserStatus>
        allowClear
        placeholder={t('org.user.status')}
        aria-label={t('org.user.status')}
        value={value.status}
        onChange={(status) => set({ status: status ?? undefined })}
        options={userStatuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
      />
      {!roles.isError && (
        <Select<number>
          allowClear
          placeholder={t('org.user.role')}
          aria-label={t('org.user.role')}
          value={value.roleId}
          loading={roles.isLoading}
          onChange={(roleId) => set({ roleId: roleId ?? undefined })}
          options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      )}
    </>
  );
}
