import { ArrowRightOutlined } from '@ant-design/icons';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditFormats } from '../../registry/registry';
import type { AuditValueFormat } from '../../registry/types';
import { formatDateTime } from '../format';
import type { AuditChange } from './types';

// Exactly what the server stores for a time (toISOString), not any text that starts like a date.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const asStored: AuditValueFormat = () => undefined;
const useAsStored = () => asStored;

/** Shows one changed value: empty as "—", instants in the company's zone, lists joined, objects as JSON. */
function ChangeValue({ value, shown }: { value: unknown; shown: string | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (shown !== undefined) return <span style={{ wordBreak: 'break-all' }}>{shown}</span>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return <>{formatDateTime(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return <span style={{ wordBreak: 'break-all' }}>{value.length ? value.join(t('common.listSeparator')) : '—'}</span>;
  }
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return <span style={{ wordBreak: 'break-all' }}>{text}</span>;
}

/**
 * The expanded row of an audit entry: each field's old → new value. A field is named by its area's
 * label for it (WebArea.auditFormats), else `auditField.<field>`, else `<entityType>.field.<field>`
 * (customer.field.remark → 备注), else its key. Values read as the area says (a dictionary code as
 * its label), else by the name the server gave an id (a user, a department), else as stored.
 */
export default function AuditChanges(props: { changes: AuditChange[]; entityType?: string }) {
  // Keyed by the entity type: each type's value hook is a different one, so a new type is a new component.
  return <ChangesTable key={props.entityType ?? ''} {...props} />;
}

function ChangesTable({ changes, entityType }: { changes: AuditChange[]; entityType?: string }) {
  const { t } = useTranslation();
  const format = entityType ? auditFormats[entityType] : undefined;
  // Fixed for this component's life (see the key above).
  const useValues = format?.useValues ?? useAsStored;
  const valueOf = useValues();
  const fieldName = (field: string) => {
    // `team.4` is labelled by `team.*`: one member among many.
    const own = format?.fieldLabels?.[field] ?? format?.fieldLabels?.[field.replace(/\.\d+$/, '.*')];
    if (own) return t(own);
    const area = entityType ? t(`${entityType}.field.${field}`, { defaultValue: field }) : field;
    return t(`auditField.${field}`, { defaultValue: area });
  };
  const fieldLabel = (c: AuditChange) => (c.subjectName ? t('audit.fieldAbout', { field: fieldName(c.field), name: c.subjectName }) : fieldName(c.field));
  return (
    <div className="audit-changes">
      <Table<AuditChange>
        size="small"
        rowKey="field"
        pagination={false}
        // Fixed: the columns line up from one entry's table to the next.
        tableLayout="fixed"
        dataSource={changes}
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'field',
            key: 'field',
            // A share of the width, not 160 px: on a phone that left the values a few characters each.
            width: '30%',
            render: (_, c) => fieldLabel(c),
          },
          { title: t('audit.from'), key: 'from', render: (_, c) => <ChangeValue value={c.from} shown={valueOf(c.field, c.from) ?? c.fromName} /> },
          { title: '', key: 'arrow', width: 32, render: () => <ArrowRightOutlined aria-hidden /> },
          { title: t('audit.to'), key: 'to', render: (_, c) => <ChangeValue value={c.to} shown={valueOf(c.field, c.to) ?? c.toName} /> },
        ]}
      />
    </div>
  );
}
