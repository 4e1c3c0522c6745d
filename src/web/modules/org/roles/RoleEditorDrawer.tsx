import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DataScope } from '../../../../common/permissions';
import { usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { useServerErrors } from '../../../app/shared/forms';
import type { Role } from '../types';
import { useRoleMutations } from './api';
import { dataScopeOptions } from './dataScope';
import PermissionTree from './PermissionTree';

interface Values {
  name: string;
  description?: string;
  dataScope: DataScope;
  permissions: string[];
}

interface Props {
  open: boolean;
  /** The role to edit; absent to create one. */
  role?: Role | null;
  onClose: () => void;
}

/** Create or edit a role: name, description, 数据权限 and the permission tree. */
export default function RoleEditorDrawer({ open, role, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { create, update } = useRoleMutations();
  const readOnly = !can('role.manage');

  const submit = (v: Values) => {
    const body = {
      name: v.name.trim(),
      description: v.description?.trim() || null,
      dataScope: v.dataScope,
      permissions: v.permissions ?? [],
    };
    const options = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showErrors,
    };
    if (role) update.mutate({ id: role.id, ...body }, options);
    else create.mutate(body, options);
  };

  const title = readOnly
    ? t('org.role.viewTitle', { name: role?.name ?? '' })
    : role
      ? t('org.role.editTitle', { name: role.name })
      : t('org.role.createTitle');
  const footer = (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
      {!readOnly && (
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      )}
    </Space>
  );

  return (
    <Drawer open={open} title={title} onClose={onClose} size={isMobile ? '100%' : 600} footer={footer} destroyOnHidden>
      <Form<Values> clearOnDestroy
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        initialValues={
          role
            ? { name: role.name, description: role.description ?? '', dataScope: role.dataScope, permissions: role.permissions }
            : { dataScope: 'self', permissions: [] }
        }
      >
        <Form.Item
          name="name"
          label={t('org.role.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('org.role.name') }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('org.role.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="dataScope" label={t('org.role.dataScope')} extra={t('org.role.dataScopeHint')} rules={[{ required: true }]}>
          <Select options={dataScopeOptions(t)} />
        </Form.Item>
        <Form.Item name="permissions" label={t('org.role.permissions')}>
          <PermissionTree disabled={readOnly} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
