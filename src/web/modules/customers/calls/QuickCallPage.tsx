import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Segmented, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isMobileNumber } from '../../../../common/fields';
import { errorMessage } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import { useCheckDuplicates, useCustomers } from '../api/customers';
import { useAddActivity, useContacts } from '../api/relations';
import '../customers.css';
import CustomerFormDrawer from '../form/CustomerFormDrawer';
import { useDebounced } from '../shared/useDebounced';
import CallResults, { type CallTarget } from './CallResults';

type CallKind = 'call_in' | 'call_out';

/** 快速来电记录 (C1): type the number, pick the customer or contact that appears, log the call. */
export default function QuickCallPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const [phone, setPhone] = useState('');
  const [selected, setSelected] = useState<CallTarget | null>(null);
  const [kind, setKind] = useState<CallKind>('call_in');
  const [content, setContent] = useState('');
  const [creating, setCreating] = useState(false);
  const typed = phone.replace(/\s+/g, '');
  const number = useDebounced(typed, 250);
  const ready = number.replace(/\D/g, '').length >= 3;
  const customers = useCustomers({ q: number, page: 1, pageSize: 5 }, ready);
  const contacts = useContacts({ q: number, page: 1, pageSize: 5 }, ready);
  const add = useAddActivity();
  const foundCustomers = ready ? (customers.data?.items ?? []) : [];
  const foundContacts = ready ? (contacts.data?.items ?? []) : [];
  // Until the debounced number is what the box holds, the results are the previous number's (right
  // after a call is logged, say): nothing is picked or offered from them meanwhile.
  const loading = ready && (number !== typed || customers.isFetching || contacts.isFetching);
  const found = foundCustomers.length + foundContacts.length;
  // Lists leave out the pool; the duplicate check does not. A caller on a pool customer's number
  // is then named (masked where the user may not see it), instead of "no match" and a refused 新建.
  const checkPool = ready && !loading && found === 0 && number.replace(/\D/g, '').length >= 5;
  const poolCheck = useCheckDuplicates({ phone: number, mobile: number }, checkPool);
  const poolMatches = checkPool ? (poolCheck.data?.matches ?? []).filter((m) => m.inPool && m.matchedOn === 'phone') : [];

  // One match: pick it, so logging the call is a single click.
  useEffect(() => {
    if (loading || selected) return;
    if (foundCustomers.length === 1 && foundContacts.every((c) => c.customerId === foundCustomers[0].id)) {
      const c = foundCustomers[0];
      const contact = foundContacts.length === 1 ? foundContacts[0] : undefined;
      setSelected({ customerId: c.id, customerName: c.name, contactId: contact?.id, contactName: contact?.name });
    } else if (foundCustomers.length === 0 && foundContacts.length === 1) {
      const ct = foundContacts[0];
      setSelected({ customerId: ct.customerId, customerName: ct.customerName, contactId: ct.id, contactName: ct.name });
    }
  }, [loading, selected, foundCustomers, foundContacts]);

  const changePhone = (value: string) => {
    setPhone(value);
    setSelected(null);
  };

  const log = () => {
    if (!selected) return;
    add.mutate(
      {
        customerId: selected.customerId,
        kind,
        contactId: selected.contactId ?? null,
        content: content.trim() || t('customer.calls.defaultContent', { phone: phone.trim() }),
      },
      {
        onSuccess: () => {
          void message.success(t('customer.calls.logged', { name: selected.contactName ?? selected.customerName }));
          setPhone('');
          setContent('');
          setSelected(null);
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  const error = customers.error ?? contacts.error;
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('customer.calls.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('customer.calls.hint')}</Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        allowClear
        inputMode="tel"
        prefix={<PhoneOutlined />}
        value={phone}
        onChange={(e) => changePhone(e.target.value)}
        placeholder={t('customer.calls.phonePlaceholder')}
        aria-label={t('customer.calls.phone')}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      {phone && !ready && <Typography.Paragraph type="secondary">{t('customer.calls.typeMore')}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {ready && (
        <Spin spinning={loading}>
          {found > 0 ? (
            <CallResults customers={foundCustomers} contacts={foundContacts} selected={selected} onSelect={setSelected} />
          ) : poolMatches.length > 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ maxWidth: 720 }}
              title={t('customer.calls.inPool')}
              description={
                <>
                  <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                    {poolMatches.map((m, i) => (
                      <li key={m.id ?? `hidden-${i}`}>{m.visible && m.id ? <Link to={`/customers/${m.id}`}>{m.name}</Link> : m.name}</li>
                    ))}
                  </ul>
                  {t('customer.calls.inPoolHint')}
                </>
              }
            />
          ) : (
            !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.calls.noMatch')} />
          )}
        </Spin>
      )}
      {selected && (
        <Card size="small" style={{ marginTop: 16, maxWidth: 720 }} title={t('customer.calls.selected', { name: selected.contactName ? `${selected.customerName} · ${selected.contactName}` : selected.customerName })}>
          <Flex vertical gap={12}>
            <Segmented<CallKind>
              value={kind}
              onChange={setKind}
              options={(['call_in', 'call_out'] as const).map((k) => ({ value: k, label: t(`customer.activityKind.${k}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
            <Input.TextArea
              rows={3}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              maxLength={2000}
              placeholder={t('customer.calls.defaultContent', { phone: phone.trim() })}
              aria-label={t('customer.calls.content')}
            />
            <Flex gap={8} wrap>
              <Button type="primary" size="large" icon={<PhoneOutlined />} loading={add.isPending} onClick={log}>
                {t('customer.calls.log')}
              </Button>
              <Link to={`/customers/${selected.customerId}?tab=activities`}>
                <Button size="large">{t('customer.calls.openCustomer')}</Button>
              </Link>
            </Flex>
          </Flex>
        </Card>
      )}
      {ready && !loading && can('customer.create') && (
        <Button icon={<PlusOutlined />} style={{ marginTop: 16 }} onClick={() => setCreating(true)} type={found === 0 && poolMatches.length === 0 ? 'primary' : 'default'}>
          {t('customer.calls.createWith')}
        </Button>
      )}
      <CustomerFormDrawer
        open={creating}
        // 电话 for a company; a mobile number is also the person's 手机 (a landline is not one).
        prefill={{ kind: 'company', phone: phone.trim(), ...(isMobileNumber(phone) ? { mobile: phone.trim() } : {}) }}
        onClose={(saved) => {
          setCreating(false);
          if (saved) setSelected({ customerId: saved.id, customerName: saved.name });
        }}
      />
    </Card>
  );
}
