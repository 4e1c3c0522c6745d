import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import UserList from './UserList';

/** 用户管理. */
export default function UsersPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.users')}
      </Typography.Title>
      <UserList />
    </Card>
  );
}
