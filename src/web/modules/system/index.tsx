import { BankOutlined, HistoryOutlined, MailOutlined, SettingOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebArea } from '../../app/registry/types';

/** 系统设置: company information, mail and SMS, and the audit log. */
export const systemArea: WebArea = {
  id: 'system',
  routes: [
    { path: '/system/audit', permission: 'audit.view', component: lazy(() => import('./audit/AuditPage')) },
    { path: '/system/company', permission: 'settings.company.manage', component: lazy(() => import('./company/CompanyPage')) },
    { path: '/system/messaging', permission: 'settings.messaging.manage', component: lazy(() => import('./messaging/MessagingPage')) },
  ],
  menuGroups: [{ key: 'system', labelKey: 'menu.system', icon: <SettingOutlined />, order: 1000 }],
  menu: [
    { path: '/system/company', group: 'system', labelKey: 'menu.company', icon: <BankOutlined />, permission: 'settings.company.manage', order: 10 },
    { path: '/system/messaging', group: 'system', labelKey: 'menu.messaging', icon: <MailOutlined />, permission: 'settings.messaging.manage', order: 15 },
    { path: '/system/audit', group: 'system', labelKey: 'menu.audit', icon: <HistoryOutlined />, permission: 'audit.view', order: 20 },
  ],
  auditEntityTypes: ['company', 'messaging_settings'],
};
