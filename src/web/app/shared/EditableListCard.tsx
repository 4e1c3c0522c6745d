import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { App, Button, Card, Form, Modal, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api';
import { useServerErrors } from './forms';

/**
 * A short settings list edited in place: a card with an add button, a table whose rows can be
 * edited in a modal form or deleted after a confirmation. The caller gives the columns and the form
 * items; saving, errors on the form's fields, and the success/failure messages are handled here.
 */
export default function EditableListCard<T extends { id: number }, I extends object>(props: {
  title: string;
  /** `deleteConfirm` names the row being deleted ("确定删除规则“90 天未跟进”？"). */
  labels: { add: string; edit: string; deleteConfirm: (row: T) => string; empty: string };
  list: UseQueryResult<{ items: T[] }>;
  columns: TableColumnsType<T>;
  save: UseMutationResult<unknown, unknown, I & { id?: number }>;
  remove: UseMutationResult<unknown, unknown, number>;
  /** What a new row's form starts with. */
  blank: Partial<I>;
  /** Adjust the form's values before saving (e.g. an empty choice means "all"). */
  toInput?: (values: I) => I;
  /** Distinct per form on one page: antd derives field ids from it. */
  formName: string;
  scrollX?: number;
  /** The form's items. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [form] = Form.useForm<I>();
  const showErrors = useServerErrors(form);
  const { list, save, remove, labels } = props;

  const open = (row: T | 'new') => {
    setEditing(row);
    form.setFieldsValue((row === 'new' ? props.blank : row) as Parameters<typeof form.setFieldsValue>[0]);
  };
  const submit = (values: I) =>
    save.mutate(
      { ...(props.toInput ? props.toInput(values) : values), id: editing !== 'new' && editing ? editing.id : undefined },
      {
        onSuccess: () => {
          setEditing(null);
          void message.success(t('common.saved'));
        },
        onError: showErrors,
      },
    );

  const actions: TableColumnsType<T>[number] = {
    title: t('common.actions'),
    key: 'actions',
    // Wide enough for both links, pinned or not (a phone cut 删除 / Delete short).
    width: 130,
    fixed: props.scrollX ? 'right' : undefined,
    render: (_, row) => (
      <Space>
        <Button type="link" size="small" onClick={() => open(row)}>
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={labels.deleteConfirm(row)}
          onConfirm={() =>
            remove.mutate(row.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (err) => void message.error(errorMessage(err)) })
          }
        >
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <Card
      title={props.title}
      extra={
        <Button type="primary" onClick={() => open('new')}>
          {labels.add}
        </Button>
      }
    >
      <Table<T>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={props.scrollX ? { x: props.scrollX } : undefined}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : labels.empty }}
        columns={[...props.columns, actions]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? labels.add : labels.edit}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<I> form={form} name={props.formName} layout="vertical" onFinish={submit}>
          {props.children}
        </Form>
      </Modal>
    </Card>
  );
}
