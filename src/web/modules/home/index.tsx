import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebArea } from '../../app/registry/types';

/** 工作台 and 个人资料: open to every logged-in user. */
export const homeArea: WebArea = {
  id: 'home',
  routes: [
    { path: '/', component: lazy(() => import('../../app/workbench/WorkbenchPage')) },
    { path: '/profile', component: lazy(() => import('./profile/ProfilePage')) },
  ],
  menu: [{ path: '/', labelKey: 'menu.workbench', icon: <HomeOutlined />, order: 0 }],
  widgets: [
    { id: 'my-info', titleKey: 'workbench.myInfo.title', component: lazy(() => import('./widgets/MyInfoWidget')), order: 10 },
    { id: 'quick-links', titleKey: 'workbench.quickLinks.title', component: lazy(() => import('./widgets/QuickLinksWidget')), order: 20, span: 16 },
  ],
  auditEntityTypes: ['session'],
};
