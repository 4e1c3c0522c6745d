import type { ReactNode } from 'react';
import { AutoComplete, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { enterConfirmsDateOnly } from '../../../app/shared/forms';
import DictSelect from '../shared/DictSelect';
import { provinceOptions } from '../shared/regions';
import { genders, type CustomerKind } from '../types';

const PHONE = /^[\d\s+\-()（）]*$/;

/** The fields of a company or a person customer (the lists), one column on phones. */
/**
 * The customer's own fields. `nameCheck` and `phoneCheck` (查重 notices) show under the fields
 * they check, so a notice appearing never moves the input being typed.
 */
export default function CustomerFields({ kind, nameCheck, phoneCheck }: { kind: CustomerKind; nameCheck?: ReactNode; phoneCheck?: ReactNode }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`customer.field.${key}`);
  const phoneRule = { pattern: PHONE, message: t('customer.hint.phoneFormat') };
  const half = { xs: 24, sm: 12 };
  const company = kind === 'company';
  const nameLabel = company ? f('name') : f('personName');

  return (
    <Row gutter={16}>
      <Col xs={24} sm={company ? 16 : 12}>
        <Form.Item name="name" label={nameLabel} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: nameLabel }) }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      {company ? (
        <Col xs={24} sm={8}>
          <Form.Item name="shortName" label={f('shortName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      ) : (
        <Col {...half}>
          <Form.Item name="gender" label={f('gender')}>
            <Radio.Group options={genders.map((g) => ({ value: g, label: t(`customer.gender.${g}`) }))} />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>{nameCheck}</Col>
      {company ? (
        <Col {...half}>
          <Form.Item name="industry" label={f('industry')}>
            <DictSelect type="industry" />
          </Form.Item>
        </Col>
      ) : (
        <Col {...half}>
          <Form.Item name="mobile" label={f('mobile')} rules={[phoneRule]}>
            <Input inputMode="tel" maxLength={30} />
          </Form.Item>
        </Col>
      )}
      {/* Both kinds: a person may be reached on a landline only (the server takes 手机 or 电话). */}
      <Col {...half}>
        <Form.Item name="phone" label={f('phone')} rules={[phoneRule]}>
          <Input inputMode="tel" maxLength={30} />
        </Form.Item>
      </Col>
      <Col span={24}>{phoneCheck}</Col>
      {!company && (
        <Col {...half}>
          <Form.Item name="wechat" label={f('wechat')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      )}
      {company ? (
        <Col {...half}>
          <Form.Item name="scale" label={f('scale')}>
            <DictSelect type="scale" />
          </Form.Item>
        </Col>
      ) : (
        <Col {...half}>
          <Form.Item name="birthday" label={f('birthday')}>
            <DatePicker style={{ width: '100%' }} onKeyDown={enterConfirmsDateOnly} />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="source" label={f('source')}>
          <DictSelect type="source" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="level" label={f('level')}>
          <DictSelect type="level" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="status" label={f('status')}>
          <DictSelect type="status" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={f('region')} extra={t('customer.hint.region')} style={{ marginBottom: 12 }}>
          <Row gutter={8}>
            <Col span={8}>
              <Form.Item name="province" noStyle>
                <AutoComplete options={provinceOptions} placeholder={f('province')} showSearch={{ filterOption: true }} aria-label={f('province')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="city" noStyle>
                <Input placeholder={f('city')} maxLength={50} aria-label={f('city')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="district" noStyle>
                <Input placeholder={f('district')} maxLength={50} aria-label={f('district')} />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="address" label={f('address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      {company && (
        <Col {...half}>
          <Form.Item name="website" label={f('website')}>
            <Input inputMode="url" maxLength={200} placeholder={t('customer.hint.website')} />
          </Form.Item>
        </Col>
      )}
      {company && (
        <Col {...half}>
          <Form.Item name="creditCode" label={f('creditCode')}>
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name="remark" label={f('remark')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
