import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { useServerErrors } from '../shared/forms';
import { useChangePassword } from './session';
import NewPasswordFields from './NewPasswordFields';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface Props {
  open: boolean;
  /** Forced after login when the password must change: cannot be dismissed, offers logout. */
  forced?: boolean;
  onClose?: () => void;
  onChanged?: () => void;
  onLogout?: () => void;
}

export default function ChangePasswordModal({ open, forced, onClose, onChanged, onLogout }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const showErrors = useServerErrors(form);

  const submit = (values: Values) =>
    change.mutate(
      { oldPassword: values.oldPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          onChanged?.();
          onClose?.();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'AUTH_INVALID_CREDENTIALS' && err.details.length === 0) {
            form.setFields([{ name: 'oldPassword', errors: [err.message] }]);
          } else showErrors(err);
        },
      },
    );

  const footer = [
    forced && onLogout ? (
      <Button key="logout" onClick={onLogout}>
        {t('layout.logout')}
      </Button>
    ) : (
      <Button key="cancel" onClick={onClose}>
        {t('common.cancel')}
      </Button>
    ),
    <Button key="ok" type="primary" loading={change.isPending} onClick={() => form.submit()}>
      {t('common.save')}
    </Button>,
  ];

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      footer={footer}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      <Form form={form} clearOnDestroy layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('password.oldRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
