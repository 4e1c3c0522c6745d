import { App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { enterConfirmsDateOnly, useServerErrors } from '../../../app/shared/forms';
import { useAddActivity, useCustomerContacts } from '../api/relations';
import { companyNow, companyWallClockToIso } from '../shared/companyTime';
import { activityKinds, type ActivityKind } from '../types';

interface Values {
  kind: Exclude<ActivityKind, 'system'>;
  occurredAt: dayjs.Dayjs;
  contactId?: number;
  content: string;
  nextContactAt?: dayjs.Dayjs | null;
}

/** A rule on a picked day (empty passes: `required` says that). */
const dayRule = (ok: (d: dayjs.Dayjs) => boolean, message: string) => ({
  validator: (_: unknown, value: dayjs.Dayjs | null | undefined) => (!value || ok(value) ? Promise.resolve() : Promise.reject(new Error(message))),
});

/** 写跟进: kind, time, contact, content and 下次联系时间 (which becomes the owner's reminder). */
export default function ActivityForm({ customerId, focusSignal }: { customerId: number; focusSignal: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const add = useAddActivity();
  const contacts = useCustomerContacts(customerId);
  const contentRef = useRef<TextAreaRef>(null);
  const a = (key: string) => t(`customer.activity.${key}`);

  useEffect(() => {
    if (focusSignal > 0) contentRef.current?.focus();
  }, [focusSignal]);

  const submit = (v: Values) =>
    add.mutate(
      {
        customerId,
        kind: v.kind,
        content: v.content.trim(),
        occurredAt: v.occurredAt ? companyWallClockToIso(v.occurredAt) : undefined,
        contactId: v.contactId ?? null,
        nextContactAt: v.nextContactAt ? companyWallClockToIso(v.nextContactAt) : null,
      },
      {
        onSuccess: () => {
          void message.success(a('saved'));
          form.resetFields();
          form.setFieldValue('occurredAt', companyNow());
        },
        onError: showErrors,
      },
    );

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'call_out', occurredAt: companyNow() }}>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="kind" label={a('kind')} rules={[{ required: true }]}>
            <Select options={activityKinds.map((k) => ({ value: k, label: t(`customer.activityKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="contactId" label={a('contact')}>
            <Select
              allowClear
              loading={contacts.isLoading}
              placeholder={a('contact')}
              options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {/* No disabledDate: a day typed past it was dropped without a word; a rule says why instead. */}
          <Form.Item
            name="occurredAt"
            label={a('occurredAt')}
            rules={[
              { required: true, message: t('validation.select', { field: a('occurredAt') }) },
              dayRule((d) => !d.isAfter(companyNow().endOf('day')), a('occurredAtFuture')),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} onKeyDown={enterConfirmsDateOnly} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="content" label={a('content')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: a('content') }) }]}>
            <Input.TextArea ref={contentRef} rows={3} maxLength={2000} showCount placeholder={a('contentPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="nextContactAt"
            label={a('nextContactAt')}
            extra={a('nextContactHint')}
            rules={[dayRule((d) => !d.isBefore(companyNow().startOf('day')), a('nextContactPast'))]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', defaultOpenValue: dayjs('09:00', 'HH:mm') }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              onKeyDown={enterConfirmsDateOnly}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} className="activity-submit">
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {a('save')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
