import { App, Button, Card, Form, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useServerErrors } from '../../../app/shared/forms';
import { type RevisitRule, type RevisitRuleInput, useRevisitRuleMutations, useRevisitRules } from '../api/automation';
import { useDictLabel } from '../api/dictionaries';
import DictSelect from '../shared/DictSelect';

/** 回访计划: per customer level, how often owners revisit; the daily run turns them into to-dos. */
export default function RevisitRulesSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useRevisitRules();
  const { save, remove } = useRevisitRuleMutations();
  const dictLabel = useDictLabel();
  const [editing, setEditing] = useState<RevisitRule | 'new' | null>(null);
  const [form] = Form.useForm<RevisitRuleInput>();
  const showErrors = useServerErrors(form);
  const a = (key: string, opts?: Record<string, unknown>) => t(`customer.automation.${key}`, opts);

  const open = (rule: RevisitRule | 'new') => {
    setEditing(rule);
    form.setFieldsValue(rule === 'new' ? { level: undefined, intervalDays: 7, enabled: true } : rule);
  };
  const submit = (values: RevisitRuleInput) =>
    save.mutate(
      { ...values, id: editing !== 'new' && editing ? editing.id : undefined },
      {
        onSuccess: () => {
          setEditing(null);
          void message.success(t('common.saved'));
        },
        onError: showErrors,
      },
    );

  return (
    <Card
      title={a('revisitRules')}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {a('addPlan')}
        </Button>
      }
    >
      <Table<RevisitRule>
        rowKey="id"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: rules.isError ? errorMessage(rules.error) : a('noRevisitRules') }}
        columns={[
          { title: a('level'), dataIndex: 'level', render: (v: string, r) => <Space>{dictLabel('level', v)}{!r.enabled && <Tag>{a('disabled')}</Tag>}</Space> },
          { title: a('interval'), dataIndex: 'intervalDays', render: (n: number) => a('everyDays', { count: n }) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button type="link" size="small" onClick={() => open(r)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={a('deleteConfirm')} onConfirm={() => remove.mutate(r.id, { onError: (err) => void message.error(errorMessage(err)) })}>
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
        title={editing === 'new' ? a('addPlan') : a('editPlan')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
        forceRender
      >
        {/* Named: both rule forms are on the page at once (forceRender), so their field ids must differ. */}
        <Form<RevisitRuleInput> form={form} name="revisitRule" layout="vertical" onFinish={submit}>
          <Form.Item name="level" label={a('level')} rules={[{ required: true, message: t('validation.required', { field: a('level') }) }]}>
            <DictSelect type="level" allowClear={false} />
          </Form.Item>
          <Form.Item
            name="intervalDays"
            label={a('interval')}
            extra={a('intervalHint')}
            rules={[{ required: true, message: t('validation.required', { field: a('interval') }) }]}
          >
            <InputNumber min={1} max={3650} precision={0} suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="enabled" label={a('enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
