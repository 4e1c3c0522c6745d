import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors, wholeNumberRule } from '../../../app/shared/forms';
import type { Department } from '../types';
import { useDepartmentMutations } from './api';

interface Values {
  name: string;
  sort?: number | null;
}

/** Either create a department under `parent` (null = top level) or rename `department`. */
export type DepartmentFormTarget =
  | { mode: 'create'; parent: Department | null }
  | { mode: 'rename'; department: Department };

export default function DepartmentFormModal({ target, onClose }: { target: DepartmentFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { create, update } = useDepartmentMutations();

  const title = !target
    ? ''
    : target.mode === 'rename'
      ? t('org.dept.renameTitle', { name: target.department.name })
      : target.parent
        ? t('org.dept.createChildTitle', { name: target.parent.name })
        : t('org.dept.createRootTitle');

  const submit = (v: Values) => {
    if (!target) return;
    const sort = v.sort ?? undefined;
    const options = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: showErrors,
    };
    if (target.mode === 'rename') update.mutate({ id: target.department.id, name: v.name.trim(), sort }, options);
    else create.mutate({ name: v.name.trim(), parentId: target.parent?.id ?? null, sort }, options);
  };

  const initialValues = target?.mode === 'rename' ? { name: target.department.name, sort: target.department.sort } : {};
  return (
    <Modal
      open={!!target}
      title={title}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values> clearOnDestroy form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item
          name="name"
          label={t('org.dept.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('org.dept.name') }) }]}
        >
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item name="sort" label={t('org.dept.sort')} extra={t('org.dept.sortHint')} rules={[wholeNumberRule(t, 0, 9999)]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
