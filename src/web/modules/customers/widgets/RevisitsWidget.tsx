import { Alert, App, Button, Empty, Form, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { useServerErrors } from '../../../app/shared/forms';
import { type RevisitTask, useCompleteRevisit, useRevisits } from '../api/automation';
import PhoneLink from '../shared/PhoneLink';
import { activityKinds } from '../types';

type DoneForm = { kind: (typeof activityKinds)[number]; content: string };

/** 今日回访 on the workbench: my revisit to-dos due today and overdue, each with 完成回访. */
export default function RevisitsWidget() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revisits = useRevisits();
  const complete = useCompleteRevisit();
  const [task, setTask] = useState<RevisitTask | null>(null);
  const [form] = Form.useForm<DoneForm>();
  const showErrors = useServerErrors(form);
  const a = (key: string, opts?: Record<string, unknown>) => t(`customer.automation.${key}`, opts);

  if (revisits.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (revisits.isError) return <Alert type="error" showIcon title={errorMessage(revisits.error)} />;
  const items = revisits.data?.items ?? [];

  const open = (r: RevisitTask) => {
    setTask(r);
    form.setFieldsValue({ kind: 'call_out', content: '' });
  };
  const submit = (values: DoneForm) =>
    task &&
    complete.mutate(
      { id: task.id, ...values },
      {
        onSuccess: (res) => {
          setTask(null);
          void message.success(res.next ? a('doneNext', { date: res.next.dueDate }) : a('done'));
          void revisits.refetch();
        },
        onError: showErrors,
      },
    );

  return (
    <>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={a('noRevisits')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          rowKey="id"
          // Ten at a time; the rest (up to the 100 the server sends, soonest first) a page away.
          pagination={items.length > 10 ? { pageSize: 10, size: 'small', simple: true, align: 'end' } : false}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }} actions={[<Button key="done" size="small" onClick={() => open(r)}>{a('complete')}</Button>]}>
              <div style={{ minWidth: 0 }}>
                <Link to={`/customers/${r.customerId}?tab=activities`}>{r.customerName}</Link>
                {r.overdue && (
                  <Tag color="error" style={{ marginInlineStart: 6 }}>
                    {t('customer.overdue')}
                  </Tag>
                )}
                <div>
                  <Space size={8} wrap>
                    <Typography.Text type="secondary">{a('dueOn', { date: r.dueDate })}</Typography.Text>
                    <PhoneLink value={r.phone} />
                  </Space>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Space size={16} wrap>
        <Typography.Text type="secondary">{a('todayCount', { count: revisits.data?.todayTotal ?? 0 })}</Typography.Text>
        {(revisits.data?.overdueTotal ?? 0) > 0 && <Typography.Text type="danger">{a('overdueCount', { count: revisits.data?.overdueTotal ?? 0 })}</Typography.Text>}
      </Space>
      <Modal
        open={task !== null}
        title={a('completeTitle', { name: task?.customerName ?? '' })}
        onCancel={() => setTask(null)}
        onOk={() => form.submit()}
        confirmLoading={complete.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<DoneForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="kind" label={t('customer.activity.kind')} rules={[{ required: true }]}>
            <Select options={activityKinds.map((k) => ({ value: k, label: t(`customer.activityKind.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="content"
            label={a('content')}
            rules={[{ required: true, whitespace: true, message: t('validation.required', { field: a('content') }) }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
