import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors, wholeNumberRule } from '../../../app/shared/forms';
import { useDictionaryMutations } from '../api/dictionaries';
import type { DictionaryItem, DictionaryType } from '../types';

interface Values {
  code?: string;
  label: string;
  labelEn?: string | null;
  sort?: number;
}

interface Props {
  type: DictionaryType;
  /** null to add an option, an item to edit, undefined when closed. */
  item: DictionaryItem | null | undefined;
  nextSort: number;
  onClose: () => void;
}

/** 新增 / 编辑 one dictionary option. */
export default function DictionaryItemModal({ type, item, nextSort, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { create, update } = useDictionaryMutations();
  const d = (key: string) => t(`customer.dictionary.${key}`);
  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };
  const submit = (v: Values) => {
    // A blank English label is cleared: English mode then shows the Chinese one.
    const labelEn = v.labelEn?.trim() || null;
    if (item) update.mutate({ id: item.id, label: v.label.trim(), labelEn, sort: v.sort ?? 0 }, { onSuccess: done, onError: showErrors });
    else create.mutate({ type, code: v.code?.trim() || undefined, label: v.label.trim(), labelEn, sort: v.sort ?? nextSort }, { onSuccess: done, onError: showErrors });
  };
  return (
    <Modal
      open={item !== undefined}
      title={item ? t('customer.dictionary.editTitle', { label: item.label }) : t('customer.dictionary.createTitle', { type: d(`type.${type}`) })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} clearOnDestroy initialValues={item ?? { sort: nextSort }}>
        <Form.Item name="label" label={d('label')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: d('label') }) }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="labelEn" label={d('labelEn')} extra={d('labelEnHint')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="code" label={d('code')} extra={item ? undefined : d('codeHint')}>
          <Input maxLength={32} disabled={!!item} />
        </Form.Item>
        <Form.Item name="sort" label={d('sort')} rules={[wholeNumberRule(t, 0, 9999)]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
