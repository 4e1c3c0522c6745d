import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listQueryBase, listResponse } from '../../../common/api';
import { email, entityId, mobile, password, requiredText, optionalText, username } from '../../../common/fields';
import { dataScopes, isPermission, permissionCatalog, type PermissionModule } from '../../../common/permissions';
import { resolveScope } from '../access/scope';
import { actorOf } from '../http/actor';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './departments';
import { createRole, deleteRole, listRoles, updateRole } from './roles';
import { createUser, getUser, listUsers, resetPassword, updateUser, userOptions, userSortFields } from './users';

const departmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  parentId: z.number().nullable(),
  sort: z.number(),
  userCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  departmentId: z.number(),
  departmentName: z.string(),
  supervisorId: z.number().nullable(),
  supervisorName: z.string().nullable(),
  roles: z.array(z.object({ id: z.number(), name: z.string() })),
  status: z.enum(['active', 'disabled']),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const roleSchema = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  dataScope: z.enum(dataScopes),
  permissions: z.array(z.string()),
  userCount: z.number(),
  isSystem: z.boolean(),
});

const status = z.enum(['active', 'disabled']);
const permissionList = z.array(z.string().max(100).refine(isPermission, 'PERMISSION_UNKNOWN')).max(500);

const userFields = {
  name: requiredText(50),
  mobile: mobile.optional(),
  email: email.optional(),
  departmentId: entityId,
  supervisorId: entityId.nullable().optional(),
  roleIds: z.array(entityId).max(50),
  status: status.optional(),
};

const roleFields = {
  name: requiredText(50),
  description: optionalText(200).optional(),
  dataScope: z.enum(dataScopes),
  permissions: permissionList,
};

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  // Departments
  app.get(
    '/departments',
    { config: { permission: 'org.department.view' }, schema: { tags: ['org'], summary: '部门列表', response: { 200: z.object({ items: z.array(departmentSchema) }) } } },
    () => listDepartments(db),
  );
  app.post(
    '/departments',
    {
      config: { permission: 'org.department.manage' },
      schema: {
        tags: ['org'],
        summary: '新建部门',
        body: z.strictObject({ name: requiredText(50), parentId: entityId.nullable(), sort: z.number().int().min(0).max(100000).optional() }),
        response: { 200: departmentSchema },
      },
    },
    (req) => createDepartment(db, actorOf(req), req.body),
  );
  app.patch(
    '/departments/:id',
    {
      config: { permission: 'org.department.manage' },
      schema: {
        tags: ['org'],
        summary: '修改部门（改名、移动）',
        params: idParam,
        body: z.strictObject({ name: requiredText(50).optional(), parentId: entityId.nullable().optional(), sort: z.number().int().min(0).max(100000).optional() }),
        response: { 200: departmentSchema },
      },
    },
    (req) => updateDepartment(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/departments/:id',
    { config: { permission: 'org.department.manage' }, schema: { tags: ['org'], summary: '删除部门（仅空部门）', params: idParam } },
    async (req, reply) => {
      await deleteDepartment(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  // Users
  app.get(
    '/users',
    {
      config: { permission: 'org.user.view' },
      schema: {
        tags: ['org'],
        summary: '用户列表（按数据权限）',
        querystring: z.strictObject({
          ...listQueryBase,
          sort: z.enum(Object.keys(userSortFields) as [keyof typeof userSortFields]).optional(),
          q: z.string().trim().max(50).optional(),
          departmentId: z.coerce.number().int().min(1).max(2147483647).optional(),
          status: status.optional(),
          roleId: z.coerce.number().int().min(1).max(2147483647).optional(),
        }),
        response: { 200: listResponse(userSchema) },
      },
    },
    (req) => listUsers(db, actorOf(req), req.query),
  );
  app.get(
    '/users/options',
    {
      schema: {
        tags: ['org'],
        summary: '用户选择器（任何登录用户；within=模块：只列出该模块数据权限范围内的用户）',
        querystring: z.strictObject({ q: z.string().trim().max(50).optional(), within: z.enum(permissionCatalog.map((m) => m.module) as [PermissionModule, ...PermissionModule[]]).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), username: z.string(), departmentName: z.string() })) }) },
      },
    },
    async (req) => userOptions(db, req.query.q, req.query.within ? await resolveScope(db, actorOf(req), req.query.within) : undefined),
  );
  app.get(
    '/users/:id',
    { config: { permission: 'org.user.view' }, schema: { tags: ['org'], summary: '用户详情', params: idParam, response: { 200: userSchema } } },
    (req) => getUser(db, actorOf(req), req.params.id),
  );
  app.post(
    '/users',
    {
      config: { permission: 'org.user.manage' },
      schema: {
        tags: ['org'],
        summary: '新建用户',
        body: z.strictObject({ username, password, ...userFields, supervisorId: entityId.nullable().default(null), status: status.default('active') }),
        response: { 200: userSchema },
      },
    },
    (req) => createUser(db, actorOf(req), { ...req.body, mobile: req.body.mobile ?? null, email: req.body.email ?? null }),
  );
  app.patch(
    '/users/:id',
    {
      config: { permission: 'org.user.manage' },
      schema: {
        tags: ['org'],
        summary: '修改用户（含停用/启用、角色）',
        params: idParam,
        body: z.strictObject({ ...userFields, name: userFields.name.optional(), departmentId: entityId.optional(), roleIds: userFields.roleIds.optional() }),
        response: { 200: userSchema },
      },
    },
    (req) => updateUser(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'org.user.manage' },
      schema: { tags: ['org'], summary: '重置用户密码', params: idParam, body: z.strictObject({ newPassword: password }) },
    },
    async (req, reply) => {
      await resetPassword(db, actorOf(req), req.params.id, req.body.newPassword);
      return reply.status(204).send();
    },
  );

  // Roles and the permission catalog
  app.get(
    '/roles',
    { config: { permission: 'role.view' }, schema: { tags: ['org'], summary: '角色列表', response: { 200: z.object({ items: z.array(roleSchema) }) } } },
    () => listRoles(db),
  );
  app.get(
    '/roles/options',
    {
      schema: {
        tags: ['org'],
        summary: '角色选择器（任何登录用户）',
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) },
      },
    },
    async () => ({ items: (await listRoles(db)).items.map((r) => ({ id: r.id, name: r.name })) }),
  );
  app.post(
    '/roles',
    {
      config: { permission: 'role.manage' },
      schema: { tags: ['org'], summary: '新建角色', body: z.strictObject(roleFields), response: { 200: roleSchema } },
    },
    (req) => createRole(db, actorOf(req), { ...req.body, description: req.body.description ?? null }),
  );
  app.patch(
    '/roles/:id',
    {
      config: { permission: 'role.manage' },
      schema: {
        tags: ['org'],
        summary: '修改角色（权限、数据权限）',
        params: idParam,
        body: z.strictObject({
          name: roleFields.name.optional(),
          description: roleFields.description,
          dataScope: roleFields.dataScope.optional(),
          permissions: roleFields.permissions.optional(),
        }),
        response: { 200: roleSchema },
      },
    },
    (req) => updateRole(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/roles/:id',
    { config: { permission: 'role.manage' }, schema: { tags: ['org'], summary: '删除角色', params: idParam } },
    async (req, reply) => {
      await deleteRole(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/permissions',
    {
      config: { permission: 'role.view' },
      schema: {
        tags: ['org'],
        summary: '权限目录',
        response: { 200: z.object({ modules: z.array(z.object({ module: z.string(), scoped: z.boolean(), permissions: z.array(z.string()) })) }) },
      },
    },
    () => ({ modules: permissionCatalog.map((m) => ({ module: m.module, scoped: m.scoped, permissions: [...m.permissions] })) }),
  );
};
