import { Alert, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatDateTime } from '../format';
import AuditChanges from './AuditChanges';
import { useAuditActor, useAuditSummary } from './summary';
import type { AuditEntry } from './types';

/**
 * A record's history (操作记录 of one record), for anyone who may see the record: its own entries and
 * those of the records belonging to it (a customer's contacts and attachments, tagged by their kind).
 * Any area can show it for its entity types: <RecordHistory entityType="customer" entityId={id} />.
 */
export default function RecordHistory({ entityType, entityId }: { entityType: string; entityId: number | string }) {
  const { t } = useTranslation();
  const summaryOf = useAuditSummary();
  const actorOf = useAuditActor();
  const history = useQuery({
    queryKey: ['audit', 'record', entityType, String(entityId)],
    queryFn: () => api.get<{ items: AuditEntry[] }>(`/audit/records/${entityType}/${encodeURIComponent(String(entityId))}`),
    // Read afresh each time it opens: any change to the record (from any page) adds an entry.
    staleTime: 0,
  });
  if (history.isLoading) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={(history.error as Error).message} />;
  const items = history.data?.items ?? [];
  if (!items.length) return <Empty description={t('audit.noHistory')} />;
  return (
    <Timeline
      items={items.map((entry) => ({
        key: entry.id,
        children: (
          <div>
            {entry.entityType !== entityType && <Tag>{t(`entity.${entry.entityType}`, { defaultValue: entry.entityType })}</Tag>}
            <Typography.Text strong>{t(`auditAction.${entry.action}`, { defaultValue: entry.action })}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(entry.at)} · {actorOf(entry)}
            </Typography.Text>
            {entry.summary && <div className="record-history-summary">{summaryOf(entry)}</div>}
            {entry.changes?.length ? <AuditChanges changes={entry.changes} entityType={entry.entityType} /> : null}
          </div>
        ),
      }))}
    />
  );
}
