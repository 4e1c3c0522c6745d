import { Select, type SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from './api';

type Props = Omit<SelectProps<number>, 'options' | 'showSearch'> & {
  /** Label for a value not in the first page of options, e.g. the current supervisor. */
  initialOption?: { id: number; name: string } | null;
  /** Users that may not be chosen (e.g. the user themself as their own supervisor). */
  excludeIds?: number[];
  /** Only users inside the caller's data scope of this module (e.g. 'customer' for 分配). */
  within?: string;
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Pick one user, searching by name or account on the server (GET /users/options). */
export default function UserSelect({ initialOption, excludeIds, within, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useUserOptions(q, within);

  const options = useMemo(() => {
    const list = (data ?? [])
      .filter((u) => !excludeIds?.includes(u.id))
      .map((u) => ({
        value: u.id,
        label: u.name,
        title: `${t('common.withNote', { text: u.name, note: u.username })}${u.departmentName ? ` · ${u.departmentName}` : ''}`,
      }));
    if (initialOption && !list.some((o) => o.value === initialOption.id)) {
      list.unshift({ value: initialOption.id, label: initialOption.name, title: initialOption.name });
    }
    return list;
  }, [data, excludeIds, initialOption, t]);

  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      optionRender={(option) => option.data.title}
      loading={isFetching}
      placeholder={t('org.user.selectUser')}
      notFoundContent={isFetching ? t('app.loading') : t('common.noMatch')}
      onOpenChange={(open) => !open && setSearch('')}
      {...props}
    />
  );
}
