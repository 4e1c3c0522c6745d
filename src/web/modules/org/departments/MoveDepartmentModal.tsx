import { App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import type { Department } from '../types';
import { useDepartmentMutations, useDepartments } from './api';
import DepartmentSelect, { ROOT_DEPARTMENT } from './DepartmentSelect';
import { subtreeIds } from './tree';

interface Values {
  parentId: number;
}

/** 移动: choose a new parent; the department itself and its subtree are not offered. */
export default function MoveDepartmentModal({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { update } = useDepartmentMutations();
  const { data } = useDepartments();
  const disabledIds = useMemo(
    () => (department ? subtreeIds(data ?? [], department.id) : new Set<number>()),
    [data, department],
  );

  const submit = (v: Values) => {
    if (!department) return;
    update.mutate(
      { id: department.id, parentId: v.parentId === ROOT_DEPARTMENT ? null : v.parentId },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <Modal
      open={!!department}
      title={t('org.dept.moveTitle', { name: department?.name ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<Values> clearOnDestroy
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ parentId: department?.parentId ?? ROOT_DEPARTMENT }}
      >
        <Form.Item
          name="parentId"
          label={t('org.dept.newParent')}
          rules={[{ required: true, message: t('validation.select', { field: t('org.dept.newParent') }) }]}
        >
          <DepartmentSelect allowRoot disabledIds={disabledIds} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
