import { App, Checkbox, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import { useCustomerMutations } from '../api/customers';
import UserPicker from '../shared/UserPicker';
import { type ActionClose, actionTitle, isSingle, type ActionTarget } from './target';
import { useBulkAction } from './useBulkResult';

interface Values {
  toUserId: number;
  withContacts: boolean;
}

/** 转移: hand one or many customers to another user. */
export default function TransferModal({ target, onClose }: { target: ActionTarget | null; onClose: ActionClose }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const bulk = useBulkAction(onClose, showErrors);
  const { transfer } = useCustomerMutations();
  const [toName, setToName] = useState('');

  const submit = (v: Values) => {
    if (!target) return;
    if (isSingle(target)) {
      transfer.mutate(
        { id: target.customer.id, toUserId: v.toUserId, withContacts: v.withContacts },
        {
          onSuccess: (c) => {
            void message.success(t('customer.transfer.done', { name: c.ownerName ?? toName }));
            onClose(true, { transferred: c });
          },
          onError: showErrors,
        },
      );
    } else {
      bulk.run(target, { action: 'transfer', toUserId: v.toUserId, withContacts: v.withContacts });
    }
  };

  return (
    <Modal
      open={!!target}
      title={actionTitle(t, 'transfer', target)}
      okText={t('common.confirm')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={transfer.isPending || bulk.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ withContacts: true }}>
        <Form.Item
          name="toUserId"
          label={t('customer.transfer.toUser')}
          rules={[{ required: true, message: t('customer.transfer.toUserRequired') }]}
        >
          <UserPicker
            excludeIds={target?.customer?.ownerId ? [target.customer.ownerId] : undefined}
            onChange={(_, option) => setToName(String((option as { label?: string } | undefined)?.label ?? ''))}
          />
        </Form.Item>
        <Form.Item name="withContacts" valuePropName="checked">
          <Checkbox>{t('customer.transfer.withContacts')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
