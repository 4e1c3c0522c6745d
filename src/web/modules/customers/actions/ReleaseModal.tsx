import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import { useCustomerMutations } from '../api/customers';
import { type ActionClose, actionTitle, isSingle, type ActionTarget } from './target';
import { useBulkAction } from './useBulkResult';

/** 放入公海: release one or many customers to the pool, with a reason. */
export default function ReleaseModal({ target, onClose }: { target: ActionTarget | null; onClose: ActionClose }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showErrors = useServerErrors(form);
  const bulk = useBulkAction(onClose, showErrors);
  const { release } = useCustomerMutations();

  const submit = ({ reason }: { reason: string }) => {
    if (!target) return;
    if (isSingle(target)) {
      release.mutate(
        { id: target.customer.id, reason: reason.trim() },
        {
          onSuccess: () => {
            void message.success(t('customer.release.done'));
            onClose(true);
          },
          onError: showErrors,
        },
      );
    } else {
      bulk.run(target, { action: 'release', reason: reason.trim() });
    }
  };

  return (
    <Modal
      open={!!target}
      title={actionTitle(t, 'release', target)}
      okText={t('customer.action.release')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={release.isPending || bulk.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t(target && !isSingle(target) ? 'customer.release.hintMany' : 'customer.release.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy>
        <Form.Item
          name="reason"
          label={t('customer.release.reason')}
          rules={[{ required: true, whitespace: true, message: t('customer.release.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('customer.release.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
