import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { formatDateTime } from '../../../app/shared/format';
import ListTable from '../../../app/shared/list/ListTable';
import { rowSelection } from '../../../app/shared/list/rowSelection';
import { useListState } from '../../../app/shared/list/useListState';
import { useBulkResult } from '../actions/useBulkResult';
import { useCustomerMutations, useRecycleBin } from '../api/customers';
import '../customers.css';
import type { Customer } from '../types';
import SearchBox from '../../../app/shared/list/SearchBox';

/** 回收站: deleted customers, restored by an administrator, one by one or the ticked ones together. */
export default function RecycleBinPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const state = useListState<{ q?: string }>({ remember: 'recycle-bin' });
  const list = useRecycleBin(state.params);
  const { restore, bulk } = useCustomerMutations();
  const showBulk = useBulkResult();
  const [selected, setSelected] = useState<Customer[]>([]);

  const restoreSelected = () =>
    modal.confirm({
      title: t('customer.recycle.restoreManyConfirm', { count: selected.length }),
      okText: t('customer.action.restore'),
      cancelText: t('common.cancel'),
      onOk: () =>
        bulk.mutateAsync({ action: 'restore', ids: selected.map((c) => c.id) }).then(
          (result) => {
            showBulk(result, new Map(selected.map((c) => [c.id, c.name])));
            setSelected([]);
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const columns: ColumnsType<Customer> = [
    { title: t('customer.field.name'), dataIndex: 'name', key: 'name', width: 220, fixed: isMobile ? undefined : 'left' },
    { title: t('customer.kindLabel'), dataIndex: 'kind', key: 'kind', width: 90, render: (k: Customer['kind']) => t(`customer.kind.${k}`) },
    { title: t('customer.field.owner'), dataIndex: 'ownerName', key: 'owner', width: 90, render: (v: string | null) => v || '—' },
    { title: t('customer.field.deletedAt'), dataIndex: 'deletedAt', key: 'deletedAt', width: 140, render: (v?: string | null) => formatDateTime(v ?? null) },
    { title: t('customer.field.deletedBy'), dataIndex: 'deletedByName', key: 'deletedBy', width: 90, render: (v?: string | null) => v || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: isMobile ? undefined : 'right',
      render: (_, c) => (
        <Popconfirm
          title={t('customer.recycle.restoreConfirm', { name: c.name })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            restore.mutateAsync(c.id).then(
              () => {
                // Restored on its own: no longer in the bin, so no longer among the ticked.
                setSelected((ticked) => ticked.filter((x) => x.id !== c.id));
                void message.success(t('customer.recycle.restored'));
              },
              (err: unknown) => void message.error(errorMessage(err)),
            )
          }
        >
          <Button type="link" size="small">
            {t('customer.action.restore')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('customer.recycle.title')}
      </Typography.Title>
      <div className="page-toolbar">
        <SearchBox className="customer-search" label={t('customer.search')} defaultValue={state.filters.q} onSearch={(q) => state.setFilters({ q })} />
      </div>
      <ListTable<Customer>
        className="customer-table"
        list={list}
        state={state}
        columns={columns}
        empty={t('customer.recycle.empty')}
        rowSelection={rowSelection(t, selected, setSelected, !isMobile)}
      />
      {selected.length > 0 && (
        <Flex wrap gap={8} align="center" className="customer-bulk-bar">
          <Typography.Text strong>{t('customer.selected', { count: selected.length })}</Typography.Text>
          <Button type="primary" loading={bulk.isPending} onClick={restoreSelected}>
            {t('customer.recycle.restoreSelected')}
          </Button>
          <Button type="link" onClick={() => setSelected([])}>
            {t('customer.clearSelection')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
