import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import type { User } from '../types';
import { useUserMutations } from './api';
import NewPasswordFields from '../../../app/auth/NewPasswordFields';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

/** 重置密码: an administrator sets a new password for someone else. */
export default function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { resetPassword } = useUserMutations();

  const submit = (v: Values) => {
    if (!user) return;
    resetPassword.mutate(
      { id: user.id, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.resetDone', { name: user.name }));
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={t('password.resetTitle', { name: user?.name ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPassword.isPending}
      destroyOnHidden
    >
      <Form<Values> clearOnDestroy form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
