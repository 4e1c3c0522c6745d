import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import { useCustomerMutations } from '../api/customers';
import UserPicker from '../shared/UserPicker';
import type { Customer } from '../types';

/** 分配: a manager gives a pool customer to one of their people. */
export default function AssignModal({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toUserId: number }>();
  const showErrors = useServerErrors(form);
  const { assign } = useCustomerMutations();
  const [toName, setToName] = useState('');

  return (
    <Modal
      open={!!customer}
      title={t('customer.pool.assignTitle', { name: customer?.name ?? '' })}
      okText={t('customer.action.assign')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        clearOnDestroy
        onFinish={({ toUserId }: { toUserId: number }) =>
          customer &&
          assign.mutate(
            { id: customer.id, toUserId },
            {
              onSuccess: (c) => {
                void message.success(t('customer.pool.assigned', { name: c.ownerName ?? toName }));
                onClose();
              },
              onError: showErrors,
            },
          )
        }
      >
        <Form.Item
          name="toUserId"
          label={t('customer.pool.assignTo')}
          rules={[{ required: true, message: t('customer.pool.assignToRequired') }]}
        >
          <UserPicker within="customer" onChange={(_, option) => setToName(String((option as { label?: string } | undefined)?.label ?? ''))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
