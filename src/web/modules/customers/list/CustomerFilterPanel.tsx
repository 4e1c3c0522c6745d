import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe, usePermissions } from '../../../app/auth/session';
import { dayRangeToIso, inCompanyZone } from '../../../app/shared/format';
import DepartmentSelect from '../../org/departments/DepartmentSelect';
import type { CustomerFilters } from '../api/customers';
import DictSelect from '../shared/DictSelect';
import { provinceOptions } from '../shared/regions';
import UserPicker from '../shared/UserPicker';
import { customerKinds, type CustomerKind } from '../types';

type Range = [dayjs.Dayjs, dayjs.Dayjs] | null;

export interface FilterFormValues {
  kind?: CustomerKind;
  level?: string;
  industry?: string;
  source?: string;
  status?: string;
  ownerId?: number;
  departmentId?: number;
  province?: string;
  city?: string;
  district?: string;
  created?: Range;
  nextContact?: Range;
  lastFollowup?: Range;
  updated?: Range;
}

/** The form's values as list query parameters (day ranges become UTC instants in the company's zone). */
export function filtersOf(v: FilterFormValues): Omit<CustomerFilters, 'q'> {
  const created = dayRangeToIso(v.created ?? null);
  const next = dayRangeToIso(v.nextContact ?? null);
  const lastFollowup = dayRangeToIso(v.lastFollowup ?? null);
  const updated = dayRangeToIso(v.updated ?? null);
  return {
    kind: v.kind,
    level: v.level,
    industry: v.industry,
    source: v.source,
    status: v.status,
    ownerId: v.ownerId,
    departmentId: v.departmentId,
    province: v.province?.trim() || undefined,
    city: v.city?.trim() || undefined,
    district: v.district?.trim() || undefined,
    createdFrom: created.from,
    createdTo: created.to,
    nextContactFrom: next.from,
    nextContactTo: next.to,
    lastFollowupFrom: lastFollowup.from,
    lastFollowupTo: lastFollowup.to,
    updatedFrom: updated.from,
    updatedTo: updated.to,
  };
}

/** The reverse of `filtersOf`, for a saved scene's filters (anything unexpected is left out). */
export function formValuesOf(f: Record<string, unknown>): FilterFormValues {
  const text = (k: string) => (typeof f[k] === 'string' && f[k] ? (f[k] as string) : undefined);
  const range = (from: string, to: string): Range | undefined => {
    const a = text(from);
    const b = text(to);
    return a && b ? [inCompanyZone(a), inCompanyZone(b)] : undefined;
  };
  const kind = text('kind') as CustomerKind | undefined;
  const values: FilterFormValues = {
    kind: kind && customerKinds.includes(kind) ? kind : undefined,
    level: text('level'),
    industry: text('industry'),
    source: text('source'),
    status: text('status'),
    ownerId: typeof f.ownerId === 'number' && Number.isSafeInteger(f.ownerId) && f.ownerId > 0 ? f.ownerId : undefined,
    departmentId: typeof f.departmentId === 'number' ? f.departmentId : undefined,
    province: text('province'),
    city: text('city'),
    district: text('district'),
    created: range('createdFrom', 'createdTo'),
    nextContact: range('nextContactFrom', 'nextContactTo'),
    lastFollowup: range('lastFollowupFrom', 'lastFollowupTo'),
    updated: range('updatedFrom', 'updatedTo'),
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as FilterFormValues;
}

export function countFilters(v: FilterFormValues): number {
  return Object.values(v).filter((x) => x !== undefined && x !== null && x !== '').length;
}

/** 筛选: every list field, in a grid that is one column on phones. */
export default function CustomerFilterPanel({ value, onChange }: { value: FilterFormValues; onChange: (v: FilterFormValues) => void }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const me = useMe();
  const [form] = Form.useForm<FilterFormValues>();
  // Selects two to a row on phones; the region fields and date ranges need the full width there.
  const col = { xs: 12, md: 8, xl: 6 };
  const wide = { xs: 24, sm: 12, md: 8, xl: 6 };
  // Province, city and district side by side need twice a field's width.
  const region = { xs: 24, md: 16, xl: 12 };
  return (
    <Form<FilterFormValues>
      form={form}
      layout="vertical"
      initialValues={value}
      onValuesChange={(_, all) => onChange(all)}
      className="customer-filter-panel"
      size="middle"
    >
      <Row gutter={12}>
        <Col {...col}>
          <Form.Item name="kind" label={t('customer.kindLabel')}>
            <Select allowClear placeholder={t('customer.kindLabel')} options={customerKinds.map((k) => ({ value: k, label: t(`customer.kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="level" label={t('customer.field.level')}>
            <DictSelect type="level" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="industry" label={t('customer.field.industry')}>
            <DictSelect type="industry" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="source" label={t('customer.field.source')}>
            <DictSelect type="source" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="status" label={t('customer.field.status')}>
            <DictSelect type="status" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="ownerId" label={t('customer.field.owner')}>
            {/* Named even before the options load: the workbench's links filter by the user themself. */}
            <UserPicker allowClear initialOption={me} />
          </Form.Item>
        </Col>
        <Col {...region}>
          <Form.Item label={t('customer.field.region')} style={{ marginBottom: 0 }}>
            <Row gutter={8}>
              <Col span={8}>
                <Form.Item name="province">
                  <AutoComplete
                    options={provinceOptions}
                    placeholder={t('customer.field.province')}
                    aria-label={t('customer.field.province')}
                    allowClear
                    showSearch={{ filterOption: true }}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="city">
                  <Input placeholder={t('customer.field.city')} aria-label={t('customer.field.city')} allowClear />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="district">
                  <Input placeholder={t('customer.field.district')} aria-label={t('customer.field.district')} allowClear />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
        </Col>
        {/* The tree comes from GET /departments, which only some roles may read. */}
        {can('org.department.view') && (
          <Col {...col}>
            <Form.Item name="departmentId" label={t('customer.field.department')}>
              <DepartmentSelect allowClear placeholder={t('customer.field.department')} />
            </Form.Item>
          </Col>
        )}
        <Col {...wide}>
          <Form.Item name="created" label={t('customer.field.createdAt')}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="nextContact" label={t('customer.field.nextContactAt')}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="lastFollowup" label={t('customer.field.lastFollowupAt')}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="updated" label={t('customer.field.updatedAt')}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                form.setFieldsValue(Object.fromEntries(Object.keys(form.getFieldsValue()).map((k) => [k, undefined])));
                onChange({});
              }}
            >
              {t('customer.resetFilters')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
