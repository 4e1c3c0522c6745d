import { App, Button, Card, Col, Divider, Form, InputNumber, Result, Row, Skeleton, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useServerErrors, wholeNumberRule } from '../../../app/shared/forms';
import { useCustomerSettings, useSaveCustomerSettings } from '../api/dictionaries';
import type { CustomerSettings } from '../types';
import ReturnRulesSection from './ReturnRulesSection';
import RevisitRulesSection from './RevisitRulesSection';

/** 客户规则: pool limits (daily claims, reclaim block), owned limit, duplicates; automatic return rules and revisit plans. */
export default function CustomerRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerSettings>();
  const showErrors = useServerErrors(form);
  const settings = useCustomerSettings();
  const save = useSaveCustomerSettings();
  const r = (key: string) => t(`customer.rules.${key}`);

  if (settings.isLoading) return <Card><Skeleton active /></Card>;
  if (!settings.data) return <Result status="warning" title={errorMessage(settings.error)} />;

  // The largest each limit may be, as the server's settings schema has them.
  const number = (name: keyof CustomerSettings, unit: string, max: number) => (
    <Form.Item
      name={name}
      label={r(name)}
      extra={r(`${name}Hint`)}
      rules={[{ required: true, message: t('validation.required', { field: r(name) }) }, wholeNumberRule(t, 0, max)]}
    >
      <InputNumber suffix={unit || undefined} style={{ width: 200, maxWidth: '100%' }} />
    </Form.Item>
  );

  return (
    <Row>
      <Col xs={24} lg={16} xl={12}>
        <Card title={r('title')}>
          <Form<CustomerSettings>
            form={form}
            layout="vertical"
            initialValues={settings.data}
            onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('common.saved')), onError: showErrors })}
          >
            <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
              {r('pool')}
            </Divider>
            {number('dailyClaimLimit', r('unitCustomers'), 10000)}
            {number('reclaimBlockDays', r('unitDays'), 3650)}
            {number('maxOwnedPerUser', r('unitCustomers'), 1000000)}
            <Divider titlePlacement="start" plain>
              {r('duplicates')}
            </Divider>
            <Form.Item name="allowDuplicateName" label={r('allowDuplicateName')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="allowDuplicatePhone" label={r('allowDuplicatePhone')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={20} style={{ marginTop: 16 }}>
        <ReturnRulesSection />
      </Col>
      <Col xs={24} lg={16} xl={12} style={{ marginTop: 16 }}>
        <RevisitRulesSection />
      </Col>
    </Row>
  );
}
