import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { smsMethods, smtpSecurities, type MessagingField, type MessagingSettings, type MessagingSettingsInput } from '../../../../common/messaging';
import { errorMessage } from '../../../app/api';
import { useServerErrors, wholeNumberRule } from '../../../app/shared/forms';
import { useMessagingMutations, useMessagingSettings } from './api';

type FormValues = Omit<MessagingSettingsInput, 'smsHeaders' | 'smtpPassword' | 'smsSecret'> & {
  smtpPassword?: string;
  smsSecret?: string;
  clearPassword?: boolean;
  clearSecret?: boolean;
  smsHeadersText?: string;
};

function parseHeaders(text: string | undefined): Record<string, string> | null {
  if (!text?.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string') ? Object.fromEntries(entries as [string, string][]) : null;
  } catch {
    return null;
  }
}

function initialValues(s: MessagingSettings): FormValues {
  const { hasPassword: _p, hasSecret: _s, emailConfigured: _e, smsConfigured: _c, fromEnvironment: _f, smsHeaders, ...rest } = s;
  return { ...rest, smsHeadersText: Object.keys(smsHeaders).length ? JSON.stringify(smsHeaders, null, 2) : '' };
}

/** 邮件与短信: the SMTP server and the HTTP SMS gateway; the password and the secret are write-only. */
export default function MessagingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const showErrors = useServerErrors(form);
  const settings = useMessagingSettings();
  const { save, testEmail } = useMessagingMutations();
  const [testTo, setTestTo] = useState('');
  const k = (key: string) => t(`customer.messaging.${key}`);

  if (settings.isLoading) return <Skeleton active />;
  if (!settings.data) return <Result status="warning" title={errorMessage(settings.error)} />;
  const current = settings.data;

  const submit = (v: FormValues) => {
    const { smtpPassword, smsSecret, clearPassword, clearSecret, smsHeadersText, ...rest } = v;
    const body: MessagingSettingsInput = { ...rest, smsHeaders: parseHeaders(smsHeadersText) ?? {} };
    if (clearPassword) body.smtpPassword = null;
    else if (smtpPassword) body.smtpPassword = smtpPassword;
    if (clearSecret) body.smsSecret = null;
    else if (smsSecret) body.smsSecret = smsSecret;
    save.mutate(body, {
      onSuccess: () => {
        form.setFieldsValue({ smtpPassword: '', smsSecret: '', clearPassword: false, clearSecret: false });
        void message.success(t('common.saved'));
      },
      onError: showErrors,
    });
  };

  const runTest = () =>
    testEmail.mutate(testTo.trim(), {
      onSuccess: () => void message.success(k('testSent')),
      onError: (err) => void message.error(errorMessage(err), 8),
    });

  // Fields the server's environment sets (SMTP_HOST …) win over these settings: shown, read-only, marked.
  const fromEnv = new Set<MessagingField>(current.fromEnvironment);
  const label = (field: MessagingField, key: string = field) =>
    fromEnv.has(field) ? (
      <Space size={4} wrap>
        {k(key)}
        <Tag>{k('fromEnvironment')}</Tag>
      </Space>
    ) : (
      k(key)
    );
  const secretPlaceholder = (field: MessagingField, has: boolean) => (fromEnv.has(field) ? k('fromEnvironment') : has ? k('passwordKept') : k('passwordEmpty'));
  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={initialValues(current)}>
      <Row gutter={[16, 16]}>
        {fromEnv.size > 0 && (
          <Col span={24}>
            <Alert type="info" showIcon title={k('fromEnvironmentNote')} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={k('smtpCard')}>
            <Row gutter={12}>
              <Col xs={24} sm={16}>
                <Form.Item name="smtpHost" label={label('smtpHost')}>
                  <Input disabled={fromEnv.has('smtpHost')} maxLength={200} placeholder="smtp.example.com" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name="smtpPort" label={label('smtpPort')} rules={[{ required: true }, wholeNumberRule(t, 1, 65535)]}>
                  <InputNumber disabled={fromEnv.has('smtpPort')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="smtpSecurity" label={label('smtpSecurity')}>
              <Select disabled={fromEnv.has('smtpSecurity')} options={smtpSecurities.map((s) => ({ value: s, label: t(`customer.messaging.security.${s}`) }))} />
            </Form.Item>
            <Form.Item name="smtpUser" label={label('smtpUser')}>
              <Input disabled={fromEnv.has('smtpUser')} maxLength={200} autoComplete="off" />
            </Form.Item>
            <Form.Item name="smtpPassword" label={label('smtpPassword')}>
              <Input.Password disabled={fromEnv.has('smtpPassword')} maxLength={500} autoComplete="new-password" placeholder={secretPlaceholder('smtpPassword', current.hasPassword)} />
            </Form.Item>
            {current.hasPassword && !fromEnv.has('smtpPassword') && (
              <Form.Item name="clearPassword" valuePropName="checked">
                <Checkbox>{k('clearSecret')}</Checkbox>
              </Form.Item>
            )}
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="fromAddress" label={label('fromAddress')}>
                  <Input disabled={fromEnv.has('fromAddress')} maxLength={254} inputMode="email" placeholder="crm@example.com" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="fromName" label={label('fromName')}>
                  <Input disabled={fromEnv.has('fromName')} maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text type="secondary">{k('testTo')}</Typography.Text>
            <Space.Compact style={{ width: '100%', marginTop: 4 }}>
              <Input value={testTo} onChange={(e) => setTestTo(e.target.value)} inputMode="email" placeholder="name@example.com" aria-label={k('testTo')} />
              <Button onClick={runTest} loading={testEmail.isPending} disabled={!testTo.trim() || !current.emailConfigured}>
                {k('test')}
              </Button>
            </Space.Compact>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={k('smsCard')}>
            <Row gutter={12}>
              <Col xs={24} sm={17}>
                <Form.Item name="smsUrl" label={label('smsUrl')}>
                  <Input disabled={fromEnv.has('smsUrl')} maxLength={500} placeholder="https://sms.example.com/send" inputMode="url" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={7}>
                <Form.Item name="smsMethod" label={label('smsMethod')}>
                  <Select disabled={fromEnv.has('smsMethod')} options={smsMethods.map((m) => ({ value: m, label: m }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="smsTemplate" label={label('smsTemplate')} extra={t('customer.messaging.smsTemplateHint', { brace: '{' })}>
              <Input.TextArea disabled={fromEnv.has('smsTemplate')} rows={3} maxLength={4000} placeholder='{"mobile":"{mobile}","content":"{sign}{content}","timestamp":"{timestamp}"}' />
            </Form.Item>
            <Form.Item name="smsSign" label={label('smsSign')}>
              <Input disabled={fromEnv.has('smsSign')} maxLength={40} placeholder={k('smsSignPlaceholder')} />
            </Form.Item>
            <Form.Item name="smsSecret" label={label('smsSecret')}>
              <Input.Password disabled={fromEnv.has('smsSecret')} maxLength={500} autoComplete="new-password" placeholder={secretPlaceholder('smsSecret', current.hasSecret)} />
            </Form.Item>
            {current.hasSecret && !fromEnv.has('smsSecret') && (
              <Form.Item name="clearSecret" valuePropName="checked">
                <Checkbox>{k('clearSecret')}</Checkbox>
              </Form.Item>
            )}
            <Form.Item name="smsSignatureHeader" label={label('smsSignatureHeader')} extra={k('smsSignatureHeaderHint')}>
              <Input disabled={fromEnv.has('smsSignatureHeader')} maxLength={64} placeholder="X-Signature" />
            </Form.Item>
            <Form.Item
              name="smsHeadersText"
              label={label('smsHeaders')}
              rules={[{ validator: (_r, v: string | undefined) => (parseHeaders(v) ? Promise.resolve() : Promise.reject(new Error(k('smsHeadersInvalid')))) }]}
            >
              <Input.TextArea disabled={fromEnv.has('smsHeaders')} rows={3} placeholder='{"X-Api-Key": "..."}' />
            </Form.Item>
          </Card>
        </Col>
        <Col span={24}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
