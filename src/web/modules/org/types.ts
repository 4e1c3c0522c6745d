import type { DataScope } from '../../../common/permissions';

export interface Department {
  id: number;
  name: string;
  parentId: number | null;
  sort: number;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export type UserStatus = 'active' | 'disabled';
export const userStatuses: UserStatus[] = ['active', 'disabled'];

export interface User {
  id: number;
  username: string;
  name: string;
  mobile: string | null;
  email: string | null;
  departmentId: number;
  departmentName: string;
  supervisorId: number | null;
  supervisorName: string | null;
  roles: { id: number; name: string }[];
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserOption {
  id: number;
  name: string;
  username: string;
  departmentName: string;
}

export interface Role {
  id: number;
  code: string | null;
  name: string;
  description: string | null;
  dataScope: DataScope;
  permissions: string[];
  userCount: number;
  isSystem: boolean;
}

export interface PermissionModuleInfo {
  module: string;
  scoped: boolean;
  permissions: string[];
}
