import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import ListTable from '../../../app/shared/list/ListTable';
import { useListState } from '../../../app/shared/list/useListState';
import { useContacts } from '../api/relations';
import '../customers.css';
import ImportModal from '../import/ImportModal';
import PhoneLink from '../shared/PhoneLink';
import type { Contact } from '../types';
import SearchBox from '../../../app/shared/list/SearchBox';

/** 联系人: every contact of the customers in scope, searchable. */
export default function ContactsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [importing, setImporting] = useState(false);
  const state = useListState<{ q?: string }>({ remember: 'contacts' });
  const list = useContacts(state.params);
  const c = (key: string) => t(`customer.contact.${key}`);

  const tags = (row: Contact) => (
    <>
      {row.isPrimary && <Tag color="blue">{c('isPrimary')}</Tag>}
      {row.isDecisionMaker && <Tag color="gold">{c('isDecisionMaker')}</Tag>}
    </>
  );
  const customerLink = (row: Contact) => <Link to={`/customers/${row.customerId}?tab=contacts`}>{row.customerName}</Link>;

  // On a phone the number to tap sits beside the name, not at the end of a sideways scroll.
  const phoneColumns: ColumnsType<Contact> = [
    {
      title: c('name'),
      key: 'contact',
      className: 'customer-name-cell',
      render: (_, row) => (
        <div>
          <Typography.Text strong>{row.name}</Typography.Text>
          {row.title && <Typography.Text type="secondary"> · {row.title}</Typography.Text>}
          <div>{customerLink(row)}</div>
          <div>{tags(row)}</div>
        </div>
      ),
    },
    {
      title: c('mobile'),
      key: 'mobile',
      width: 130,
      render: (_, row) => <PhoneLink value={row.mobile ?? row.phone} icon />,
    },
  ];

  const columns: ColumnsType<Contact> = [
    { title: c('name'), dataIndex: 'name', key: 'name', width: 100, fixed: 'left' },
    {
      title: c('customer'),
      dataIndex: 'customerName',
      key: 'customer',
      width: 200,
      render: (_, row) => customerLink(row),
    },
    { title: c('jobTitle'), dataIndex: 'title', key: 'title', width: 100, render: (v: string | null) => v || '—' },
    { title: c('mobile'), dataIndex: 'mobile', key: 'mobile', width: 130, render: (v: string | null) => <PhoneLink value={v} /> },
    { title: c('phone'), dataIndex: 'phone', key: 'phone', width: 130, render: (v: string | null) => <PhoneLink value={v} /> },
    {
      title: c('email'),
      dataIndex: 'email',
      key: 'email',
      width: 180,
      responsive: ['lg'],
      render: (v: string | null) => (v ? <a href={`mailto:${v}`}>{v}</a> : '—'),
    },
    {
      title: '',
      key: 'tags',
      width: 160,
      render: (_, row) => tags(row),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('customer.contacts.title')}
      </Typography.Title>
      <div className="page-toolbar">
        <SearchBox className="customer-search" label={c('search')} defaultValue={state.filters.q} onSearch={(q) => state.setFilters({ q })} />
        <span className="page-toolbar-grow" />
        {can('customer.import') && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('customer.importExport.import')}
          </Button>
        )}
      </div>
      <ListTable<Contact> className="customer-table" list={list} state={state} columns={isMobile ? phoneColumns : columns} empty={state.filters.q ? c('emptySearch') : c('empty')} />
      {/* Opens on the 联系人 template: contacts for customers that exist. */}
      {importing && <ImportModal open={importing} initialKind="contact" onClose={() => setImporting(false)} />}
    </Card>
  );
}
