import { App, Button, Checkbox, Drawer, Form, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { useServerErrors } from '../../../app/shared/forms';
import { useCustomerMutations, type CustomerInput } from '../api/customers';
import UserPicker from '../shared/UserPicker';
import { customerKinds, type Customer, type CustomerKind } from '../types';
import CustomerFields from './CustomerFields';
import DuplicateAlert from './DuplicateAlert';

type Values = Omit<CustomerInput, 'birthday'> & { birthday?: dayjs.Dayjs | null };

const TEXT_FIELDS = [
  'shortName', 'industry', 'scale', 'source', 'level', 'status', 'province', 'city', 'district', 'address',
  'phone', 'website', 'creditCode', 'gender', 'mobile', 'wechat', 'remark',
] as const;
const COMPANY_ONLY = new Set(['shortName', 'industry', 'scale', 'website', 'creditCode']);
const PERSON_ONLY = new Set(['gender', 'mobile', 'wechat', 'birthday']);

interface Props {
  open: boolean;
  /** The customer to edit; absent to create one. */
  customer?: Customer | null;
  /** Prefill for a new customer (e.g. the caller's number from 快速来电记录). */
  prefill?: Partial<CustomerInput>;
  onClose: (saved?: Customer) => void;
}

function initialOf(customer: Customer | null | undefined, prefill?: Partial<CustomerInput>): Partial<Values> {
  if (!customer) {
    const { birthday: _b, ...rest } = prefill ?? {};
    return { kind: 'company', ...rest };
  }
  const { birthday, ...rest } = customer;
  return { ...rest, birthday: birthday ? dayjs(birthday) : null } as Partial<Values>;
}

/** 新建客户 / 编辑客户: a drawer (full screen on phones) with 查重 as you type. */
export default function CustomerFormDrawer({ open, customer, prefill, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const showErrors = useServerErrors(form);
  const { create, update } = useCustomerMutations();
  const kind = (Form.useWatch('kind', form) ?? customer?.kind ?? 'company') as CustomerKind;
  const name = Form.useWatch('name', form);
  const phone = Form.useWatch('phone', form) ?? undefined;
  const mobile = Form.useWatch('mobile', form) ?? undefined;
  const isEdit = !!customer;

  const submit = (v: Values) => {
    const body: Record<string, unknown> = { kind: v.kind, name: v.name.trim() };
    for (const key of TEXT_FIELDS) {
      const skip = (v.kind === 'company' && PERSON_ONLY.has(key)) || (v.kind === 'person' && COMPANY_ONLY.has(key));
      const raw = skip ? null : v[key];
      const value = typeof raw === 'string' ? raw.trim() || null : (raw ?? null);
      if (isEdit || value !== null) body[key] = value;
    }
    // A person's mobile written again as 电话 (a caller's number fills both) is kept once, as the mobile.
    const digits = (x: unknown) => (typeof x === 'string' ? x.replace(/\D/g, '') : '');
    if (v.kind === 'person' && !isEdit && digits(body.phone) && digits(body.phone) === digits(body.mobile)) delete body.phone;
    const birthday = v.kind === 'person' && v.birthday ? v.birthday.format('YYYY-MM-DD') : null;
    if (isEdit || birthday) body.birthday = birthday;
    const done = (saved: Customer) => {
      void message.success(t('common.saved'));
      onClose(saved);
    };
    if (customer) {
      update.mutate({ id: customer.id, ...(body as Partial<CustomerInput>) }, { onSuccess: done, onError: showErrors });
    } else {
      if (v.toPool) body.toPool = true;
      else if (v.ownerId) body.ownerId = v.ownerId;
      create.mutate(body as unknown as CustomerInput, { onSuccess: done, onError: showErrors });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={() => onClose()}
      title={isEdit ? t('customer.editTitle', { name: customer.name }) : t('customer.createTitle')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} autoComplete="off" clearOnDestroy initialValues={initialOf(customer, prefill)}>
        <Form.Item name="kind" label={t('customer.kindLabel')}>
          <Segmented<CustomerKind> options={customerKinds.map((k) => ({ value: k, label: t(`customer.kind.${k}`) }))} />
        </Form.Item>
        <CustomerFields
          kind={kind}
          nameCheck={<DuplicateAlert name={name} excludeId={customer?.id} />}
          phoneCheck={<DuplicateAlert phone={phone} mobile={kind === 'person' ? mobile : undefined} excludeId={customer?.id} />}
        />
        {!isEdit && can('customer.transfer') && (
          <Form.Item name="ownerId" label={t('customer.field.owner')} extra={t('customer.hint.ownerDefault')}>
            <UserPicker allowClear within="customer" />
          </Form.Item>
        )}
        {/* The server lets only those who may release or assign send a new customer to the pool. */}
        {!isEdit && (can('customer.pool') || can('customer.assign')) && (
          <Form.Item name="toPool" valuePropName="checked">
            <Checkbox>{t('customer.field.toPool')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
