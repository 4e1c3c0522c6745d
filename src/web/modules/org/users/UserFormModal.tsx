import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import DepartmentSelect from '../departments/DepartmentSelect';
import { useRoleOptions } from '../roles/api';
import { userStatuses, type User, type UserStatus } from '../types';
import { useUserMutations } from './api';
import UserSelect from './UserSelect';

interface Values {
  username: string;
  password: string;
  name: string;
  mobile?: string;
  email?: string;
  departmentId: number;
  supervisorId?: number | null;
  roleIds: number[];
  status: UserStatus;
}

interface Props {
  open: boolean;
  /** The user to edit; absent to create one. */
  user?: User | null;
  defaultDepartmentId?: number;
  onClose: () => void;
}

const blankToNull = (value?: string) => value?.trim() || null;

/** 新建用户 / 编辑用户. */
export default function UserFormModal({ open, user, defaultDepartmentId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { create, update } = useUserMutations();
  const roles = useRoleOptions(open);
  const isEdit = !!user;

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        name: user.name,
        mobile: user.mobile ?? '',
        email: user.email ?? '',
        departmentId: user.departmentId,
        supervisorId: user.supervisorId,
        roleIds: user.roles.map((r) => r.id),
        status: user.status,
      }
    : { departmentId: defaultDepartmentId, roleIds: [], status: 'active' };

  const roleOptions = (roles.data ?? user?.roles ?? []).map((r) => ({ value: r.id, label: r.name }));
  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const submit = (v: Values) => {
    const common = {
      name: v.name.trim(),
      departmentId: v.departmentId,
      supervisorId: v.supervisorId ?? null,
      roleIds: v.roleIds ?? [],
      status: v.status,
    };
    if (user) {
      update.mutate(
        { id: user.id, ...common, mobile: blankToNull(v.mobile), email: blankToNull(v.email) },
        { onSuccess: done, onError: showErrors },
      );
    } else {
      create.mutate(
        {
          ...common,
          username: v.username.trim(),
          password: v.password,
          mobile: blankToNull(v.mobile) ?? undefined,
          email: blankToNull(v.email) ?? undefined,
        },
        { onSuccess: done, onError: showErrors },
      );
    }
  };

  const required = (key: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: t(key) }) }];
  return (
    <Modal
      open={open}
      title={isEdit ? t('org.user.editTitle', { name: user?.name }) : t('org.user.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={680}
      destroyOnHidden
    >
      <Form<Values> clearOnDestroy form={form} layout="vertical" onFinish={submit} autoComplete="off" initialValues={initialValues}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="username" label={t('org.user.username')} rules={isEdit ? [] : required('org.user.username')}>
              <Input disabled={isEdit} maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          {!isEdit && (
            <Col xs={24} sm={12}>
              <Form.Item name="password" label={t('org.user.initialPassword')} rules={[{ required: true, message: t('validation.required', { field: t('org.user.initialPassword') }) }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('org.user.name')} rules={required('org.user.name')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mobile" label={t('org.user.mobile')}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('org.user.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input inputMode="email" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="departmentId" label={t('org.user.department')} rules={[{ required: true, message: t('validation.select', { field: t('org.user.department') }) }]}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="supervisorId" label={t('org.user.supervisor')}>
              <UserSelect
                allowClear
                initialOption={user?.supervisorId ? { id: user.supervisorId, name: user.supervisorName ?? '' } : null}
                excludeIds={user ? [user.id] : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="roleIds" label={t('org.user.roles')}>
              <Select mode="multiple" options={roleOptions} loading={roles.isLoading} showSearch={{ optionFilterProp: 'label' }} placeholder={t('org.user.selectRoles')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="status" label={t('org.user.status')}>
              <Radio.Group options={userStatuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
