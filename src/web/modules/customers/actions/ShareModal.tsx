import { App, Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import { useTeamMutations } from '../api/relations';
import UserPicker from '../shared/UserPicker';
import type { ShareAccess } from '../types';
import { type ActionClose, actionTitle, isSingle, type ActionTarget } from './target';
import { useBulkAction } from './useBulkResult';

interface Values {
  toUserId: number;
  access: ShareAccess;
}

/** 共享: make a user a read-only or read-write team member of one or many customers. */
export default function ShareModal({ target, onClose }: { target: ActionTarget | null; onClose: ActionClose }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const bulk = useBulkAction(onClose, showErrors);
  const team = useTeamMutations(target?.customer?.id ?? 0);

  const submit = (v: Values) => {
    if (!target) return;
    if (isSingle(target)) {
      team.put.mutate(
        { userId: v.toUserId, access: v.access },
        {
          onSuccess: () => {
            void message.success(t('customer.share.done'));
            onClose(true);
          },
          onError: showErrors,
        },
      );
    } else {
      bulk.run(target, { action: 'share', toUserId: v.toUserId, access: v.access });
    }
  };

  return (
    <Modal
      open={!!target}
      title={actionTitle(t, 'share', target)}
      okText={t('common.confirm')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      confirmLoading={team.put.isPending || bulk.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ access: 'read' }}>
        <Form.Item
          name="toUserId"
          label={t('customer.share.toUser')}
          rules={[{ required: true, message: t('customer.share.toUserRequired') }]}
        >
          <UserPicker excludeIds={target?.customer?.ownerId ? [target.customer.ownerId] : undefined} />
        </Form.Item>
        <Form.Item name="access" label={t('customer.share.access')}>
          <Radio.Group
            options={(['read', 'write'] as const).map((a) => ({ value: a, label: t(`customer.access.${a}`) }))}
            optionType="button"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
