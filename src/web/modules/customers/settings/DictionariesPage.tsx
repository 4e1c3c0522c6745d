import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Switch, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import DeleteLink from '../../../app/shared/DeleteLink';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { useDictionaries, useDictionaryMutations } from '../api/dictionaries';
import { dictionaryTypes, type DictionaryItem, type DictionaryType } from '../types';
import DictionaryItemModal from './DictionaryItemModal';

/** 数据字典: the options of 行业, 规模, 来源, 级别 and 客户状态. */
export default function DictionariesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const dictionaries = useDictionaries();
  const { update, remove } = useDictionaryMutations();
  const [type, setType] = useState<DictionaryType>('industry');
  const [editing, setEditing] = useState<DictionaryItem | null | undefined>(undefined);
  const d = (key: string) => t(`customer.dictionary.${key}`);
  const fail = (err: unknown) => void message.error(errorMessage(err));
  const items = dictionaries.data?.[type] ?? [];

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
      {d('create')}
    </Button>
  );

  const columns: ColumnsType<DictionaryItem> = [
    // On a phone the name, the switch and the actions fit the screen; code and order are desktop columns.
    {
      title: d('label'),
      dataIndex: 'label',
      key: 'label',
      width: isMobile ? undefined : 160,
      // On a phone the English label has no column of its own: it goes under the name.
      render: (label: string, item) =>
        isMobile && item.labelEn ? (
          <Space orientation="vertical" size={0}>
            {label}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.labelEn}
            </Typography.Text>
          </Space>
        ) : (
          label
        ),
    },
    { title: d('labelEn'), dataIndex: 'labelEn', key: 'labelEn', width: 180, responsive: ['md'], render: (v: string | null) => v || '—' },
    { title: d('code'), dataIndex: 'code', key: 'code', width: 140, responsive: ['md'], render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: d('sort'), dataIndex: 'sort', key: 'sort', width: 70, responsive: ['sm'] },
    {
      title: d('enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      width: isMobile ? 56 : 80,
      render: (enabled: boolean, item) => (
        <Switch
          size="small"
          checked={enabled}
          aria-label={`${d('enabled')} ${item.label}`}
          onChange={(checked) => update.mutate({ id: item.id, enabled: checked }, { onError: fail })}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: isMobile ? 104 : 130,
      render: (_, item) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(item)}>
            {t('common.edit')}
          </Button>
          <DeleteLink
            title={t('customer.dictionary.deleteConfirm', { label: item.label })}
            description={d('deleteHint')}
            onConfirm={() => remove.mutateAsync(item.id).then(() => void message.success(t('common.deleted')), fail)}
          />
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {d('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{d('hint')}</Typography.Paragraph>
      {dictionaries.isError && <Alert type="error" showIcon title={errorMessage(dictionaries.error)} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={type}
        onChange={(key) => setType(key as DictionaryType)}
        items={dictionaryTypes.map((k) => ({ key: k, label: d(`type.${k}`) }))}
        tabBarExtraContent={isMobile ? undefined : addButton}
      />
      {isMobile && <div className="page-toolbar">{addButton}</div>}
      <Table<DictionaryItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={dictionaries.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <DictionaryItemModal
        type={type}
        item={editing}
        nextSort={items.reduce((max, i) => Math.max(max, i.sort), 0) + 10}
        onClose={() => setEditing(undefined)}
      />
    </Card>
  );
}
