import { Alert, App, AutoComplete, Form, type FormInstance, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/shared/forms';
import { useSendMessage } from '../api/messaging';
import { useCustomerContacts } from '../api/relations';
import type { Customer } from '../types';

/** One SMS part is 70 characters (Chinese); longer texts are split and billed per part. */
const SMS_PART = 70;
/** The longest text the server takes (customerSmsBody). */
const SMS_MAX = 500;

function useFailure(form: Parameters<typeof useServerErrors>[0]) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showErrors = useServerErrors(form);
  return (err: unknown) => {
    if (err instanceof ApiError && err.status === 502) void message.error(t('customer.messaging.failedLogged', { message: err.message }), 8);
    else showErrors(err);
  };
}

/**
 * The default recipient, once the contacts have loaded: the dialog may open before they arrive
 * (its initial value was then empty). Never overwrites what the user typed.
 */
function useDefaultRecipient(form: FormInstance, open: boolean, field: 'to' | 'mobile', value: string | null | undefined) {
  useEffect(() => {
    if (!open || !value) return;
    if (!form.isFieldTouched(field) && !form.getFieldValue(field)) form.setFieldValue(field, value);
  }, [form, open, field, value]);
}

interface EmailForm {
  to: string;
  cc?: string[];
  subject: string;
  body: string;
}

/** 发邮件: to a contact with an email (or an address typed in), plain text, sent by the server's SMTP. */
export function EmailModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EmailForm>();
  const onError = useFailure(form);
  const contacts = useCustomerContacts(customer.id);
  const withEmail = (contacts.data ?? []).filter((c) => c.email);
  const { email } = useSendMessage();
  const required = (key: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: t(key) }) }];

  const submit = (v: EmailForm) => {
    const to = v.to.trim();
    const contact = withEmail.find((c) => c.email === to);
    email.mutate(
      {
        customerId: customer.id,
        ...(contact ? { contactId: contact.id } : { to }),
        cc: v.cc?.length ? v.cc.map((c) => c.trim()).filter(Boolean) : undefined,
        subject: v.subject.trim(),
        body: v.body,
      },
      {
        onSuccess: () => {
          void message.success(t('customer.messaging.emailSent'));
          onClose();
        },
        onError,
      },
    );
  };

  const primary = withEmail.find((c) => c.isPrimary) ?? withEmail[0];
  useDefaultRecipient(form, open, 'to', primary?.email);
  return (
    <Modal
      open={open}
      title={t('customer.messaging.emailTitle', { name: customer.name })}
      okText={t('customer.messaging.send')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={email.isPending}
      destroyOnHidden
      className="customer-message-modal"
      width={640}
    >
      {/* Named, so its field ids (email_body …) do not clash with 写跟进's form on the same page. */}
      <Form form={form} name="email" layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ to: primary?.email ?? '' }}>
        <Form.Item name="to" label={t('customer.messaging.to')} rules={required('customer.messaging.to')}>
          <AutoComplete
            options={withEmail.map((c) => ({ value: c.email ?? '', label: `${c.name} <${c.email}>` }))}
            placeholder={t('customer.messaging.toPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="cc" label={t('customer.messaging.cc')}>
          <Select mode="tags" tokenSeparators={[',', ';', ' ']} placeholder={t('customer.messaging.ccPlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="subject" label={t('customer.messaging.subject')} rules={required('customer.messaging.subject')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('customer.messaging.body')} rules={required('customer.messaging.body')}>
          <Input.TextArea rows={8} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SmsForm {
  mobile: string;
  content: string;
}

/** 发短信: to a contact's mobile (or a number typed in) through the configured gateway, with a character counter. */
export function SmsModal({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SmsForm>();
  const onError = useFailure(form);
  const contacts = useCustomerContacts(customer.id);
  const withMobile = (contacts.data ?? []).filter((c) => c.mobile);
  const { sms } = useSendMessage();
  const content = Form.useWatch('content', form) ?? '';
  const count = [...content].length;
  const required = (key: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: t(key) }) }];

  const submit = (v: SmsForm) => {
    const mobile = v.mobile.trim();
    const contact = withMobile.find((c) => c.mobile === mobile);
    sms.mutate(
      { customerId: customer.id, ...(contact ? { contactId: contact.id } : { mobile }), content: v.content.trim() },
      {
        onSuccess: () => {
          void message.success(t('customer.messaging.smsSent'));
          onClose();
        },
        onError,
      },
    );
  };

  const primary = withMobile.find((c) => c.isPrimary) ?? withMobile[0];
  useDefaultRecipient(form, open, 'mobile', primary?.mobile ?? customer.mobile);
  return (
    <Modal
      open={open}
      title={t('customer.messaging.smsTitle', { name: customer.name })}
      okText={t('customer.messaging.send')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={sms.isPending}
      destroyOnHidden
      className="customer-message-modal"
    >
      {/* Named, so its field ids (sms_content …) do not clash with 写跟进's form on the same page. */}
      <Form form={form} name="sms" layout="vertical" onFinish={submit} clearOnDestroy initialValues={{ mobile: primary?.mobile ?? customer.mobile ?? '' }}>
        <Form.Item name="mobile" label={t('customer.messaging.mobile')} rules={required('customer.messaging.mobile')}>
          <AutoComplete
            options={withMobile.map((c) => ({ value: c.mobile ?? '', label: `${c.name} ${c.mobile}` }))}
            placeholder={t('customer.messaging.mobilePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('customer.messaging.content')}
          rules={required('customer.messaging.content')}
          // The count sits beside the hint (not TextArea's showCount, which the wrapped hint runs under on a phone).
          extra={
            <div className="sms-hint">
              <Typography.Text type="secondary">{t('customer.messaging.smsHint', { count, parts: Math.max(1, Math.ceil(count / SMS_PART)) })}</Typography.Text>
              <Typography.Text type="secondary" className="sms-hint-count">
                {count} / {SMS_MAX}
              </Typography.Text>
            </div>
          }
        >
          <Input.TextArea rows={4} maxLength={SMS_MAX} />
        </Form.Item>
      </Form>
      {withMobile.length === 0 && !customer.mobile && <Alert type="info" showIcon title={t('customer.messaging.mobilePlaceholder')} />}
    </Modal>
  );
}
