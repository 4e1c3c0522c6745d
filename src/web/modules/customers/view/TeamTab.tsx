import { CrownOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { useTeam, useTeamMutations } from '../api/relations';
import UserPicker from '../shared/UserPicker';
import type { ShareAccess } from '../types';

const accesses: ShareAccess[] = ['read', 'write'];

/** 团队成员: the owner and the users it is shared with (read-only or read-write); the owner side manages them. */
export default function TeamTab({ customerId, canManage }: { customerId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const team = useTeam(customerId);
  const { put, remove } = useTeamMutations(customerId);
  const [newUser, setNewUser] = useState<number>();
  const [newAccess, setNewAccess] = useState<ShareAccess>('read');
  const accessOptions = accesses.map((a) => ({ value: a, label: t(`customer.access.${a}`) }));
  const fail = (err: unknown) => void message.error(errorMessage(err));
  const saved = () => void message.success(t('customer.team.saved'));

  if (team.isLoading) return <Spin />;
  if (team.isError) return <Alert type="error" showIcon title={errorMessage(team.error)} />;
  const members = team.data?.members ?? [];
  const ownerId = team.data?.owner?.userId ?? team.data?.owner?.id;

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('customer.team.owner')}
      </Typography.Title>
      <Space style={{ marginBottom: 24 }}>
        <CrownOutlined style={{ color: '#faad14' }} />
        <Typography.Text>{team.data?.owner?.name ?? '—'}</Typography.Text>
      </Space>
      <Typography.Title level={5}>{t('customer.team.members')}</Typography.Title>
      {canManage && (
        <Space.Compact style={{ width: '100%', maxWidth: 520, marginBottom: 12 }}>
          <UserPicker
            value={newUser}
            onChange={setNewUser}
            excludeIds={[...(ownerId ? [ownerId] : []), ...members.map((m) => m.userId)]}
            style={{ flex: 1, minWidth: 0 }}
            aria-label={t('customer.team.user')}
          />
          <Select<ShareAccess> value={newAccess} onChange={setNewAccess} options={accessOptions} popupMatchSelectWidth={false} style={{ width: 'auto', minWidth: 100 }} aria-label={t('customer.team.access')} />
          <Button
            type="primary"
            disabled={!newUser}
            loading={put.isPending}
            onClick={() =>
              newUser &&
              put.mutate(
                { userId: newUser, access: newAccess },
                {
                  onSuccess: () => {
                    saved();
                    setNewUser(undefined);
                  },
                  onError: fail,
                },
              )
            }
          >
            {t('customer.team.add')}
          </Button>
        </Space.Compact>
      )}
      {members.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.team.noMembers')} />
      ) : (
        <List
          dataSource={members}
          rowKey="userId"
          renderItem={(m) => (
            <List.Item
              actions={
                canManage
                  ? [
                      <Select<ShareAccess>
                        key="access"
                        size="small"
                        value={m.access}
                        options={accessOptions}
                        popupMatchSelectWidth={false}
                        style={{ minWidth: 96 }}
                        aria-label={t('customer.team.access')}
                        onChange={(access) => put.mutate({ userId: m.userId, access }, { onSuccess: saved, onError: fail })}
                      />,
                      <Popconfirm
                        key="remove"
                        title={t('customer.team.removeConfirm', { name: m.name })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(m.userId).then(saved, fail)}
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : [<Tag key="access">{t(`customer.access.${m.access}`)}</Tag>]
              }
            >
              <Space>
                <UserOutlined />
                {m.name}
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
