import { App, Col, Form, Input, Modal, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/shared/forms';
import { useContactMutations, type ContactInput } from '../api/relations';
import type { Contact } from '../types';

const PHONE = /^[\d\s+\-()（）]*$/;
const blankToNull = (v?: string | null) => v?.trim() || null;

interface Props {
  customerId: number;
  /** null to create, a contact to edit, undefined when closed. */
  contact: Contact | null | undefined;
  /** A first contact becomes the primary one by default. */
  defaultPrimary?: boolean;
  onClose: () => void;
}

/** 新建联系人 / 编辑联系人. */
export default function ContactFormModal({ customerId, contact, defaultPrimary, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactInput>();
  const showErrors = useServerErrors(form);
  const { create, update } = useContactMutations(customerId);
  const c = (key: string) => t(`customer.contact.${key}`);
  const phoneRule = { pattern: PHONE, message: t('customer.hint.phoneFormat') };

  const submit = (v: ContactInput) => {
    const body: ContactInput = {
      name: v.name.trim(),
      title: blankToNull(v.title),
      mobile: blankToNull(v.mobile),
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      wechat: blankToNull(v.wechat),
      isDecisionMaker: !!v.isDecisionMaker,
      isPrimary: !!v.isPrimary,
      remark: blankToNull(v.remark),
    };
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (contact) update.mutate({ id: contact.id, ...body }, { onSuccess: done, onError: showErrors });
    else create.mutate(body, { onSuccess: done, onError: showErrors });
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={contact !== undefined}
      title={contact ? t('customer.contact.editTitle', { name: contact.name }) : c('createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<ContactInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        clearOnDestroy
        initialValues={contact ?? { isPrimary: !!defaultPrimary, isDecisionMaker: false }}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={c('name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: c('name') }) }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="title" label={c('jobTitle')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="mobile" label={c('mobile')} rules={[phoneRule]}>
              <Input inputMode="tel" maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={c('phone')} rules={[phoneRule]}>
              <Input inputMode="tel" maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={c('email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input inputMode="email" maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="wechat" label={c('wechat')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="isPrimary" label={c('isPrimary')} valuePropName="checked" tooltip={c('primaryHint')}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="isDecisionMaker" label={c('isDecisionMaker')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="remark" label={c('remark')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
