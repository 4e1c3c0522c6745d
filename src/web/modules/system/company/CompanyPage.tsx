import { App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Result } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { DEFAULT_TIME_ZONE } from '../../../app/shared/format';
import { useServerErrors } from '../../../app/shared/forms';
import { useCompanyMutations, useCompanySettings, type CompanyInput } from './api';
import LogoUpload from './LogoUpload';

// Money is stored in fen of one currency; others come when the finance area supports them.
const CURRENCIES = ['CNY'];
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'UTC'];

function timeZones(current?: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = all.filter((z) => !COMMON_ZONES.includes(z));
  const zones = [...COMMON_ZONES, ...rest];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** 公司信息: name, contact, time zone, currency and logo. */
export default function CompanyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompanyInput>();
  const showErrors = useServerErrors(form);
  const company = useCompanySettings();
  const { save } = useCompanyMutations();
  const zoneOptions = useMemo(() => timeZones(company.data?.timeZone).map((z) => ({ value: z, label: z })), [company.data?.timeZone]);

  if (company.isLoading) return <Skeleton active />;
  if (!company.data) return <Result status="warning" title={errorMessage(company.error)} />;

  const submit = (v: CompanyInput) =>
    save.mutate(
      { ...v, name: v.name.trim(), shortName: v.shortName?.trim() ?? '', address: v.address?.trim() ?? '', phone: v.phone?.trim() ?? '' },
      { onSuccess: () => void message.success(t('common.saved')), onError: showErrors },
    );

  const { logoUrl, ...values } = company.data;
  const required = (key: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: t(key) }) }];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('menu.company')}>
          <Form<CompanyInput>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ ...values, timeZone: values.timeZone || DEFAULT_TIME_ZONE, currency: values.currency || 'CNY' }}
          >
            <Form.Item name="name" label={t('company.name')} rules={required('company.name')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="shortName" label={t('company.shortName')} extra={t('company.shortNameHint')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="address" label={t('company.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="phone" label={t('company.phone')}>
              <Input inputMode="tel" maxLength={30} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="timeZone" label={t('company.timeZone')} rules={[{ required: true }]}>
                  <Select options={zoneOptions} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="currency" label={t('company.currency')} rules={[{ required: true }]}>
                  <Select options={CURRENCIES.map((c) => ({ value: c, label: t(`currency.${c}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('company.logo')}>
          <LogoUpload logoUrl={logoUrl} />
        </Card>
      </Col>
    </Row>
  );
}
