import { Card, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/shared/format';
import ListTable from '../../../app/shared/list/ListTable';
import { useListState } from '../../../app/shared/list/useListState';
import type { AuditAction, AuditEntry } from '../../../app/shared/audit/types';
import { useAuditActor, useAuditSummary } from '../../../app/shared/audit/summary';
import { useAuditEntries, type AuditFilterValues } from './api';
import AuditChanges from '../../../app/shared/audit/AuditChanges';
import AuditFilters from './AuditFilters';

const actionColors: Partial<Record<AuditAction, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  state: 'orange',
  login_failed: 'volcano',
  password: 'purple',
};

/** 操作记录: who changed what and when, with field-level before → after. */
export default function AuditPage() {
  const { t } = useTranslation();
  const summaryOf = useAuditSummary();
  const actorOf = useAuditActor();
  const state = useListState<AuditFilterValues>();
  const list = useAuditEntries(state.params);

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 150, render: formatDateTime },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actor', width: 110, render: (_, entry) => actorOf(entry) || '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 100,
      render: (a: AuditAction) => <Tag color={actionColors[a]}>{t(`auditAction.${a}`, { defaultValue: a })}</Tag>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 140,
      render: (_, e) => `${t(`entity.${e.entityType}`, { defaultValue: e.entityType })}${e.entityId != null ? ` #${e.entityId}` : ''}`,
    },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', render: (_, entry) => summaryOf(entry) || '—' },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v || '—' },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.audit')}
      </Typography.Title>
      <div className="page-toolbar">
        <AuditFilters value={state.filters} onChange={state.setFilters} />
      </div>
      <ListTable<AuditEntry>
        list={list}
        state={state}
        columns={columns}
        expandable={{
          rowExpandable: (e) => !!e.changes?.length,
          expandedRowRender: (e) => <AuditChanges changes={e.changes ?? []} entityType={e.entityType} />,
        }}
      />
    </Card>
  );
}
