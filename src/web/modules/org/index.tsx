import { ApartmentOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebArea } from '../../app/registry/types';
import { orgAuditFormats } from './audit-formats';

/** 组织架构: departments, users, roles and permissions. */
export const orgArea: WebArea = {
  id: 'org',
  routes: [
    { path: '/org/departments', permission: 'org.department.view', component: lazy(() => import('./departments/DepartmentsPage')) },
    { path: '/org/users', permission: 'org.user.view', component: lazy(() => import('./users/UsersPage')) },
    { path: '/org/roles', permission: 'role.view', component: lazy(() => import('./roles/RolesPage')) },
  ],
  menuGroups: [{ key: 'org', labelKey: 'menu.org', icon: <TeamOutlined />, order: 900 }],
  menu: [
    { path: '/org/departments', group: 'org', labelKey: 'menu.departments', icon: <ApartmentOutlined />, permission: 'org.department.view', order: 10 },
    { path: '/org/users', group: 'org', labelKey: 'menu.users', icon: <UserOutlined />, permission: 'org.user.view', order: 20 },
    { path: '/org/roles', group: 'org', labelKey: 'menu.roles', icon: <SafetyCertificateOutlined />, permission: 'role.view', order: 30 },
  ],
  auditEntityTypes: ['user', 'department', 'role'],
  auditFormats: orgAuditFormats,
};
