import { ContactsOutlined, SolutionOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import LevelTag from '../shared/LevelTag';
import type { Contact, Customer } from '../types';

export interface CallTarget {
  customerId: number;
  customerName: string;
  contactId?: number;
  contactName?: string;
}

interface Props {
  customers: Customer[];
  contacts: Contact[];
  selected: CallTarget | null;
  onSelect: (target: CallTarget) => void;
}

/** The customers and contacts that use the number typed, as cards to pick from. */
export default function CallResults({ customers, contacts, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const isSelected = (customerId: number, contactId?: number) =>
    selected?.customerId === customerId && selected.contactId === contactId;
  const card = (key: string, active: boolean, onClick: () => void, body: React.ReactNode) => (
    <Col key={key} xs={24} md={12}>
      <Card
        size="small"
        hoverable
        className={`call-result${active ? ' is-selected' : ''}`}
        role="button"
        tabIndex={0}
        aria-pressed={active}
        onClick={onClick}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onClick()}
      >
        {body}
      </Card>
    </Col>
  );

  return (
    <Row gutter={[12, 12]}>
      {customers.length > 0 && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('customer.calls.customers')}</Typography.Text>
        </Col>
      )}
      {customers.map((c) =>
        card(
          `c${c.id}`,
          isSelected(c.id),
          () => onSelect({ customerId: c.id, customerName: c.name }),
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size={6} wrap>
              <SolutionOutlined />
              <Typography.Text strong>{c.name}</Typography.Text>
              <LevelTag level={c.level} />
              {c.inPool && <Tag>{t('customer.inPool')}</Tag>}
            </Space>
            <Typography.Text type="secondary">
              {[c.phone, c.mobile, c.primaryContact?.name].filter(Boolean).join(' · ') || '—'}
              {c.ownerName ? ` · ${t('common.labelValue', { label: t('customer.field.owner'), value: c.ownerName })}` : ''}
            </Typography.Text>
          </Space>,
        ),
      )}
      {contacts.length > 0 && (
        <Col span={24}>
          <Typography.Text type="secondary">{t('customer.calls.contacts')}</Typography.Text>
        </Col>
      )}
      {contacts.map((ct) =>
        card(
          `p${ct.id}`,
          isSelected(ct.customerId, ct.id),
          () => onSelect({ customerId: ct.customerId, customerName: ct.customerName, contactId: ct.id, contactName: ct.name }),
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size={6} wrap>
              <ContactsOutlined />
              <Typography.Text strong>{ct.name}</Typography.Text>
              {ct.title && <Typography.Text type="secondary">{ct.title}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary">
              {ct.customerName} · {[ct.mobile, ct.phone].filter(Boolean).join(' / ') || '—'}
            </Typography.Text>
          </Space>,
        ),
      )}
    </Row>
  );
}
