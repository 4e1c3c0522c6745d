import { ArrowRightOutlined } from '@ant-design/icons';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditChange } from './types';

/** Shows one changed value: empty as "—", lists and objects as JSON. */
function ChangeValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return <span style={{ wordBreak: 'break-all' }}>{text}</span>;
}

/** The expanded row of an audit entry: each field's old → new value. */
export default function AuditChanges({ changes }: { changes: AuditChange[] }) {
  const { t } = useTranslation();
  return (
    <Table<AuditChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          key: 'field',
          width: 160,
          render: (field: string) => t(`auditField.${field}`, { defaultValue: field }),
        },
        { title: t('audit.from'), key: 'from', render: (_, c) => <ChangeValue value={c.from} /> },
        { title: '', key: 'arrow', width: 32, render: () => <ArrowRightOutlined aria-hidden /> },
        { title: t('audit.to'), key: 'to', render: (_, c) => <ChangeValue value={c.to} /> },
      ]}
    />
  );
}
