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

/**
 * The expanded row of an audit entry: each field's old → new value. A field is named by
 * `auditField.<field>`, else by the area's own label `<entityType>.field.<field>` (customer.field.remark
 * → 备注), else by its key.
 */
export default function AuditChanges({ changes, entityType }: { changes: AuditChange[]; entityType?: string }) {
  const { t } = useTranslation();
  const fieldLabel = (field: string) => {
    const own = entityType ? t(`${entityType}.field.${field}`, { defaultValue: field }) : field;
    return t(`auditField.${field}`, { defaultValue: own });
  };
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
          render: (field: string) => fieldLabel(field),
        },
        { title: t('audit.from'), key: 'from', render: (_, c) => <ChangeValue value={c.from} /> },
        { title: '', key: 'arrow', width: 32, render: () => <ArrowRightOutlined aria-hidden /> },
        { title: t('audit.to'), key: 'to', render: (_, c) => <ChangeValue value={c.to} /> },
      ]}
    />
  );
}
