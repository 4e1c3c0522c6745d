import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useServerErrors } from '../../../app/shared/forms';
import { type PoolReturnRule, type PoolReturnRuleInput, usePoolReturnRuleMutations, usePoolReturnRules } from '../api/automation';
import { useDictionaries, useDictLabel } from '../api/dictionaries';

const blank: PoolReturnRuleInput = { name: '', enabled: true, noFollowupDays: 30, noDealDays: null, levels: null, exemptHot: true, warnDaysBefore: 3 };

/** 自动回收规则: owned customers that match go back to the pool on the daily run; owners are warned ahead. */
export default function ReturnRulesSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = usePoolReturnRules();
  const { save, remove } = usePoolReturnRuleMutations();
  const dictLabel = useDictLabel();
  const dictionaries = useDictionaries();
  const [editing, setEditing] = useState<PoolReturnRule | 'new' | null>(null);
  const [form] = Form.useForm<PoolReturnRuleInput>();
  const showErrors = useServerErrors(form);
  const a = (key: string, opts?: Record<string, unknown>) => t(`customer.automation.${key}`, opts);

  const open = (rule: PoolReturnRule | 'new') => {
    setEditing(rule);
    form.setFieldsValue(rule === 'new' ? blank : rule);
  };
  const submit = (values: PoolReturnRuleInput) =>
    save.mutate(
      { ...values, levels: values.levels?.length ? values.levels : null, id: editing !== 'new' && editing ? editing.id : undefined },
      {
        onSuccess: () => {
          setEditing(null);
          void message.success(t('common.saved'));
        },
        onError: showErrors,
      },
    );
  const days = (n: number | null) => (n === null ? '—' : a('days', { count: n }));

  return (
    <Card
      title={a('returnRules')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {a('addRule')}
        </Button>
      }
    >
      <Table<PoolReturnRule>
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: rules.isError ? errorMessage(rules.error) : a('noReturnRules') }}
        columns={[
          { title: a('name'), dataIndex: 'name', render: (v: string, r) => (r.enabled ? v : <Space>{v}<Tag>{a('disabled')}</Tag></Space>) },
          { title: a('noFollowupDays'), dataIndex: 'noFollowupDays', render: days },
          { title: a('noDealDays'), dataIndex: 'noDealDays', render: days },
          {
            title: a('levels'),
            dataIndex: 'levels',
            render: (levels: string[] | null) => (levels ? levels.map((l) => <Tag key={l}>{dictLabel('level', l)}</Tag>) : a('allLevels')),
          },
          { title: a('exemptHot'), dataIndex: 'exemptHot', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
          { title: a('warnDaysBefore'), dataIndex: 'warnDaysBefore', render: (n: number) => (n > 0 ? a('days', { count: n }) : '—') },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, r) => (
              <Space>
                <Button type="link" size="small" onClick={() => open(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={a('deleteConfirm')}
                  onConfirm={() => remove.mutate(r.id, { onError: (err) => void message.error(errorMessage(err)) })}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? a('addRule') : a('editRule')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
        forceRender
      >
        {/* Named: both rule forms are on the page at once (forceRender), so their field ids must differ. */}
        <Form<PoolReturnRuleInput> form={form} name="returnRule" layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={a('name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: a('name') }) }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="noFollowupDays" label={a('noFollowupDays')} extra={a('noFollowupHint')}>
            <InputNumber min={1} max={3650} precision={0} suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="noDealDays" label={a('noDealDays')} extra={a('noDealHint')}>
            <InputNumber min={1} max={3650} precision={0} suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="levels" label={a('levels')} extra={a('levelsHint')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={a('allLevels')}
              options={(dictionaries.data?.level ?? []).map((i) => ({ value: i.code, label: i.label }))}
            />
          </Form.Item>
          <Form.Item name="warnDaysBefore" label={a('warnDaysBefore')} extra={a('warnHint')}>
            <InputNumber min={0} max={365} precision={0} suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
          </Form.Item>
          <Space size={32} wrap>
            <Form.Item name="exemptHot" label={a('exemptHot')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="enabled" label={a('enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
