import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import Brand from './Brand';
import UserMenu from './UserMenu';

interface Props {
  isMobile: boolean;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  onOpenDrawer: () => void;
}

export default function HeaderBar({ isMobile, collapsed, onToggleCollapsed, onOpenDrawer }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: isMobile ? '0 8px' : '0 16px',
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        position: 'sticky',
        top: 0,
        // Above a table's fixed columns, whose sticky cells stack up to twice the column count
        // (28 for the customer list), and the bulk bars (100); below pop-ups (1000 and up).
        zIndex: 200,
      }}
    >
      {isMobile ? (
        <Button type="text" icon={<MenuOutlined />} onClick={onOpenDrawer} aria-label={t('layout.openMenu')} data-testid="menu-button" />
      ) : (
        <Button
          type="text"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={onToggleCollapsed}
          aria-label={collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
        />
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <Brand />
      </div>
      <UserMenu compact={isMobile} />
    </Layout.Header>
  );
}
