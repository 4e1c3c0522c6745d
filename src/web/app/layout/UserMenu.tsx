import {
  CheckOutlined,
  DownOutlined,
  GlobalOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import ChangePasswordModal from '../auth/ChangePasswordModal';
import { useLogout, useMe } from '../auth/session';
import { currentLanguage, languages, setLanguage, type Language } from '../i18n';

export default function UserMenu({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = useLogout();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const lang = currentLanguage();

  const changeLanguage = async (next: Language) => {
    await setLanguage(next);
    // Server messages and labels come back in the new language on the next fetch.
    await client.invalidateQueries();
  };

  const account: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('layout.profile') },
    { key: 'password', icon: <LockOutlined />, label: t('layout.changePassword') },
  ];
  const items: MenuProps['items'] = [
    // On a phone the button shows only the avatar: the menu says who is logged in.
    ...(compact ? [{ key: 'account', type: 'group' as const, label: t('layout.signedInAs', { name: me.name, username: me.username }), children: account }] : account),
    {
      key: 'language',
      type: 'group',
      label: (
        <span>
          <GlobalOutlined /> {t('layout.language')}
        </span>
      ),
      children: languages.map((l) => ({
        key: `lang:${l}`,
        label: t(`lang.${l}`),
        icon: l === lang ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    else if (key === 'password') setPasswordOpen(true);
    else if (key.startsWith('lang:')) void changeLanguage(key.slice(5) as Language);
    else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <>
      <Dropdown menu={{ items, onClick, selectable: false }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" aria-label={t('layout.userMenu')} style={{ height: 40 }}>
          <Avatar size="small" icon={<UserOutlined />} />
          {!compact && <span>{me.name}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
