import {
  BookOutlined,
  ContactsOutlined,
  DeleteOutlined,
  GlobalOutlined,
  PhoneOutlined,
  SolutionOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { WebArea } from '../../app/registry/types';
import { customerAuditFormats } from './audit-formats';
import { registerCustomerViewTab } from './tabs';

// 附件 on the customer view, through the same registry later areas use for their tabs.
registerCustomerViewTab({
  key: 'attachments',
  labelKey: 'customer.view.attachments',
  order: 50,
  permission: 'customer.view',
  component: lazy(() => import('./view/AttachmentsTab')),
});

/** 客户管理: customers, contacts, the pool, the recycle bin, quick call log; dictionaries and rules under 系统设置. */
export const customersArea: WebArea = {
  id: 'customers',
  routes: [
    { path: '/customers', permission: 'customer.view', component: lazy(() => import('./list/CustomersPage')) },
    { path: '/customers/calls', permission: 'customer.view', component: lazy(() => import('./calls/QuickCallPage')) },
    { path: '/customers/recycle-bin', permission: 'customer.recycle', component: lazy(() => import('./recycle/RecycleBinPage')) },
    { path: '/customers/:id', permission: 'customer.view', component: lazy(() => import('./view/CustomerViewPage')) },
    { path: '/contacts', permission: 'customer.view', component: lazy(() => import('./contacts/ContactsPage')) },
    { path: '/pool', permission: 'customer.pool', component: lazy(() => import('./pool/PoolPage')) },
    { path: '/system/dictionaries', permission: 'settings.dictionary.manage', component: lazy(() => import('./settings/DictionariesPage')) },
    { path: '/system/customer-rules', permission: 'settings.customer.manage', component: lazy(() => import('./settings/CustomerRulesPage')) },
  ],
  menuGroups: [{ key: 'customers', labelKey: 'menu.customers', icon: <SolutionOutlined />, order: 100 }],
  menu: [
    { path: '/customers', group: 'customers', labelKey: 'menu.customerList', icon: <SolutionOutlined />, permission: 'customer.view', order: 10 },
    { path: '/contacts', group: 'customers', labelKey: 'menu.contacts', icon: <ContactsOutlined />, permission: 'customer.view', order: 20 },
    { path: '/customers/calls', group: 'customers', labelKey: 'menu.quickCall', icon: <PhoneOutlined />, permission: 'customer.view', order: 30 },
    { path: '/pool', group: 'customers', labelKey: 'menu.customerPool', icon: <GlobalOutlined />, permission: 'customer.pool', order: 40 },
    { path: '/customers/recycle-bin', group: 'customers', labelKey: 'menu.recycleBin', icon: <DeleteOutlined />, permission: 'customer.recycle', order: 50 },
    { path: '/system/dictionaries', group: 'system', labelKey: 'menu.dictionaries', icon: <BookOutlined />, permission: 'settings.dictionary.manage', order: 30 },
    { path: '/system/customer-rules', group: 'system', labelKey: 'menu.customerRules', icon: <ToolOutlined />, permission: 'settings.customer.manage', order: 40 },
  ],
  widgets: [
    { id: 'hot-customers', titleKey: 'customer.widget.hot', permission: 'customer.view', component: lazy(() => import('./widgets/HotCustomersWidget')), order: 30, span: 12 },
    { id: 'contact-today', titleKey: 'customer.widget.reminders', permission: 'customer.view', component: lazy(() => import('./widgets/RemindersWidget')), order: 40, span: 12 },
    { id: 'revisits-today', titleKey: 'customer.automation.revisits', permission: 'customer.view', component: lazy(() => import('./widgets/RevisitsWidget')), order: 45, span: 12 },
    { id: 'return-warnings', titleKey: 'customer.automation.warnings', permission: 'customer.view', component: lazy(() => import('./widgets/ReturnWarningsWidget')), order: 50, span: 12 },
  ],
  auditEntityTypes: ['customer', 'contact', 'customer_attachment', 'customer_settings', 'pool_return_rule', 'revisit_rule', 'dictionary_item'],
  auditFormats: customerAuditFormats,
};
