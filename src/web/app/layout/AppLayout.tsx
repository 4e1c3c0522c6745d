import { Drawer, Layout, Spin, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import ForcedPasswordChange from '../auth/ForcedPasswordChange';
import HeaderBar from './HeaderBar';
import SideMenu from './SideMenu';
import { useIsMobile } from './useIsMobile';

/** The authenticated shell: sider (drawer under 768 px), header, and the current page. */
export default function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => setDrawerOpen(false), [pathname, isMobile]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isMobile && (
        <Layout.Sider
          theme="light"
          width={208}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('layout.mainMenu')}>
            <SideMenu />
          </nav>
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('layout.mainMenu')}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('layout.mainMenu')}>
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <HeaderBar
          isMobile={isMobile}
          collapsed={collapsed}
          onToggleCollapsed={() => setCollapsed((c) => !c)}
          onOpenDrawer={() => setDrawerOpen(true)}
        />
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ForcedPasswordChange />
    </Layout>
  );
}
