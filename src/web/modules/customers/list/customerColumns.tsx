import { StarFilled, UserOutlined } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, inCompanyZone } from '../../../app/shared/format';
import { sortableColumn } from '../../../app/shared/list/paging';
import LevelTag from '../shared/LevelTag';
import PhoneLink from '../shared/PhoneLink';
import { regionText } from '../shared/regions';
import type { Customer, CustomerSortField, DictionaryType } from '../types';

export interface CustomerColumnOptions {
  t: TFunction;
  sort?: CustomerSortField;
  order?: 'asc' | 'desc';
  isMobile: boolean;
  dictLabel: (type: DictionaryType, code: string | null) => string;
}

/** 下次联系时间, red once it has passed. */
export function NextContact({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  const overdue = inCompanyZone(value).isBefore(inCompanyZone().startOf('day'));
  return <Typography.Text type={overdue ? 'danger' : undefined}>{formatDateTime(value)}</Typography.Text>;
}

/** The customer's name linking to its view, with a star when hot and a person icon for individuals. */
export function CustomerName({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {customer.isHot && <StarFilled style={{ color: '#faad14' }} aria-label={t('customer.widget.hot')} />}
      {customer.kind === 'person' && <UserOutlined style={{ color: '#8c8c8c' }} />}
      <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
    </Space>
  );
}

export function customerColumns(o: CustomerColumnOptions): ColumnsType<Customer> {
  const { t } = o;
  const sortable = (field: CustomerSortField) => sortableColumn(field, o);
  const dict = (type: DictionaryType) => (code: string | null) => o.dictLabel(type, code) || '—';
  // Most useful first: on a phone only the first few are in view beside the fixed name.
  return [
    {
      title: t('customer.field.name'),
      dataIndex: 'name',
      ...sortable('name'),
      width: o.isMobile ? 150 : 210,
      fixed: 'left',
      className: 'customer-name-cell',
      render: (_, c) => <CustomerName customer={c} />,
    },
    { title: t('customer.field.level'), dataIndex: 'level', key: 'level', width: 80, render: (v: string | null) => (v ? <LevelTag level={v} /> : '—') },
    {
      title: t('customer.field.phone'),
      key: 'phone',
      width: 130,
      render: (_, c) => <PhoneLink value={c.phone ?? c.mobile ?? c.primaryContact?.mobile} />,
    },
    {
      title: t('customer.field.nextContactAt'),
      dataIndex: 'nextContactAt',
      ...sortable('nextContactAt'),
      width: 150,
      render: (v: string | null) => <NextContact value={v} />,
    },
    { title: t('customer.field.primaryContact'), key: 'contact', width: 90, render: (_, c) => c.primaryContact?.name ?? '—' },
    {
      title: t('customer.field.owner'),
      dataIndex: 'ownerName',
      key: 'owner',
      width: 90,
      render: (v: string | null, c) => (c.inPool ? <Tag>{t('customer.inPool')}</Tag> : v || '—'),
    },
    { title: t('customer.field.lastFollowupAt'), dataIndex: 'lastFollowupAt', ...sortable('lastFollowupAt'), width: 150, render: formatDateTime },
    { title: t('customer.field.status'), dataIndex: 'status', key: 'status', width: 90, render: dict('status') },
    { title: t('customer.field.industry'), dataIndex: 'industry', key: 'industry', width: 110, render: dict('industry') },
    { title: t('customer.field.source'), dataIndex: 'source', key: 'source', width: 100, render: dict('source') },
    { title: t('customer.field.region'), key: 'region', width: 160, render: (_, c) => regionText(c) || '—' },
    { title: t('customer.field.createdAt'), dataIndex: 'createdAt', ...sortable('createdAt'), width: 120, render: formatDate },
    { title: t('customer.field.updatedAt'), dataIndex: 'updatedAt', ...sortable('updatedAt'), width: 150, render: formatDateTime },
  ];
}
