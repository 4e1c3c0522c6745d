import { MailOutlined, PlusOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import DeleteLink from '../../../app/shared/DeleteLink';
import { useContactMutations, useCustomerContacts } from '../api/relations';
import PhoneLink from '../shared/PhoneLink';
import type { Contact, Customer } from '../types';
import ContactFormModal from './ContactFormModal';

/** 联系人 of one customer: cards (one column on phones), primary first, tel: links on phones. */
export default function ContactsTab({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useCustomerContacts(customer.id);
  const { remove } = useContactMutations(customer.id);
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);
  const items = [...(contacts.data ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));

  if (contacts.isLoading) return <Spin />;
  if (contacts.isError) return <Alert type="error" showIcon title={errorMessage(contacts.error)} />;

  return (
    <>
      {canEdit && (
        <div className="page-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('customer.contact.create')}
          </Button>
        </div>
      )}
      {items.length === 0 && <Empty description={t('customer.contact.empty')} />}
      <Row gutter={[12, 12]}>
        {items.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              title={
                <Space size={6} wrap>
                  <span>{c.name}</span>
                  {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
                </Space>
              }
              extra={
                <Space size={4}>
                  {c.isPrimary && <Tag color="blue">{t('customer.contact.isPrimary')}</Tag>}
                  {c.isDecisionMaker && <Tag color="gold">{t('customer.contact.isDecisionMaker')}</Tag>}
                </Space>
              }
              actions={
                canEdit
                  ? [
                      <Button key="edit" type="link" size="small" onClick={() => setEditing(c)}>
                        {t('common.edit')}
                      </Button>,
                      <DeleteLink
                        key="delete"
                        title={t('customer.contact.deleteConfirm', { name: c.name })}
                        onConfirm={() =>
                          remove.mutateAsync(c.id).then(
                            () => void message.success(t('common.deleted')),
                            (err: unknown) => void message.error(errorMessage(err)),
                          )
                        }
                      />,
                    ]
                  : undefined
              }
            >
              <Space orientation="vertical" size={2}>
                {c.mobile && <PhoneLink value={c.mobile} icon />}
                {c.phone && <PhoneLink value={c.phone} icon />}
                {c.email && (
                  <a href={`mailto:${c.email}`}>
                    <MailOutlined style={{ marginInlineEnd: 4 }} />
                    {c.email}
                  </a>
                )}
                {c.wechat && (
                  <span>
                    <WechatOutlined style={{ marginInlineEnd: 4 }} />
                    {c.wechat}
                  </span>
                )}
                {c.remark && <Typography.Text type="secondary">{c.remark}</Typography.Text>}
                {!c.mobile && !c.phone && !c.email && !c.wechat && !c.remark && <Typography.Text type="secondary">—</Typography.Text>}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      <ContactFormModal customerId={customer.id} contact={editing} defaultPrimary={items.length === 0} onClose={() => setEditing(undefined)} />
    </>
  );
}
