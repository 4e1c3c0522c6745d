import { DatePicker, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditEntityTypes } from '../../../app/registry/registry';
import { dayRangeToIso } from '../../../app/shared/format';
import UserSelect from '../../org/users/UserSelect';
import { auditActions, type AuditAction } from '../../../app/shared/audit/types';
import type { AuditFilterValues } from './api';
import SearchBox from '../../../app/shared/list/SearchBox';

interface Props {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}

/** Time range, actor, action, entity type and free text. */
export default function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const set = (patch: AuditFilterValues) => onChange({ ...value, ...patch });
  return (
    <>
      <DatePicker.RangePicker
        value={range}
        aria-label={t('audit.timeRange')}
        onChange={(next) => {
          const r = next && next[0] && next[1] ? ([next[0], next[1]] as [Dayjs, Dayjs]) : null;
          setRange(r);
          set({ from: undefined, to: undefined, ...dayRangeToIso(r) });
        }}
        style={{ width: 260 }}
      />
      <UserSelect
        allowClear
        placeholder={t('audit.actor')}
        aria-label={t('audit.actor')}
        value={value.actorId}
        onChange={(actorId) => set({ actorId: actorId ?? undefined })}
      />
      <Select<AuditAction>
        allowClear
        placeholder={t('audit.action')}
        aria-label={t('audit.action')}
        value={value.action}
        onChange={(action) => set({ action: action ?? undefined })}
        options={auditActions.map((a) => ({ value: a, label: t(`auditAction.${a}`) }))}
      />
      <Select<string>
        allowClear
        placeholder={t('audit.entityType')}
        aria-label={t('audit.entityType')}
        value={value.entityType}
        onChange={(entityType) => set({ entityType: entityType ?? undefined })}
        options={auditEntityTypes.map((e) => ({ value: e, label: t(`entity.${e}`, { defaultValue: e }) }))}
      />
      <SearchBox label={t('audit.searchPlaceholder')} onSearch={(q) => set({ q })} />
    </>
  );
}
