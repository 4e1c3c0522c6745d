import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import ChangePasswordModal from '../../../app/auth/ChangePasswordModal';
import { storeMe, useMe } from '../../../app/auth/session';
import type { Me } from '../../../app/auth/types';
import { useServerErrors } from '../../../app/shared/forms';

interface ContactValues {
  mobile: string;
  email: string;
}

/** 个人资料: own details (read-only) and own contact data (editable). */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const [form] = Form.useForm<ContactValues>();
  const showErrors = useServerErrors(form);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const save = useMutation({
    mutationFn: (body: { mobile: string | null; email: string | null }) => api.patch<{ user: Me }>('/auth/profile', body),
    onSuccess: ({ user }) => {
      storeMe(client, user);
      void message.success(t('common.saved'));
    },
    onError: showErrors,
  });

  const submit = (values: ContactValues) =>
    save.mutate({ mobile: values.mobile?.trim() || null, email: values.email?.trim() || null });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={t('profile.basic')}
            extra={
              <Button icon={<LockOutlined />} onClick={() => setPasswordOpen(true)}>
                {t('layout.changePassword')}
              </Button>
            }
          >
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('profile.username'), children: me.username },
                { key: 'name', label: t('profile.name'), children: me.name },
                { key: 'department', label: t('profile.department'), children: me.departmentName || '—' },
                {
                  key: 'roles',
                  label: t('profile.roles'),
                  children: me.roles.length ? me.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>) : '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.contact')}>
            <Form<ContactValues>
              form={form}
              layout="vertical"
              initialValues={{ mobile: me.mobile ?? '', email: me.email ?? '' }}
              onFinish={submit}
            >
              <Form.Item name="mobile" label={t('profile.mobile')}>
                <Input inputMode="tel" autoComplete="tel" maxLength={20} />
              </Form.Item>
              <Form.Item name="email" label={t('profile.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
                <Input inputMode="email" autoComplete="email" maxLength={100} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Space>
  );
}
