import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listQueryBase, listResponse } from '../../../common/api';
import { isoDay, isoInstant } from '../../../common/fields';
import {
  bulkBody,
  contactCreateBody,
  contactUpdateBody,
  customerCreateBody,
  customerKinds,
  customerScenes,
  customerSortFields,
  customerUpdateBody,
  duplicateCheckBody,
} from '../../../common/customers';
import { actorOf } from '../../platform/http/actor';
import { bulkCustomers } from './bulk';
import { createContact, customerContacts, deleteContact, listContacts, updateContact } from './contacts';
import { customerSchema } from './customer-dto';
import { checkDuplicates } from './duplicates';
import { listCustomers } from './list';
import { createCustomer, deleteCustomer, getCustomer, listRecycleBin, restoreCustomer, setHot, updateCustomer } from './service';

const tags = ['customers'];

const contactSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  isDecisionMaker: z.boolean(),
  isPrimary: z.boolean(),
  remark: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const matchSchema = z.object({
  id: z.number().nullable(),
  name: z.string(),
  matchedOn: z.enum(['sameName', 'name', 'phone']),
  similarity: z.number(),
  ownerName: z.string().nullable(),
  inPool: z.boolean(),
  visible: z.boolean(),
});

const queryId = z.coerce.number().int().min(1).max(2147483647);
const search = z.string().trim().max(100).optional();
const dictFilter = z.string().trim().min(1).max(32).optional();
/** A day (YYYY-MM-DD, in the company's time zone) or an ISO time. */
const dayOrTime = z.union([isoDay, isoInstant]).optional();

/** The customer list's scene, search, filters and sort (GET /customers, and the export). */
export const customerListFilters = {
  order: listQueryBase.order,
  scene: z.enum(customerScenes).default('all'),
  sort: z.enum(customerSortFields).optional(),
  q: search,
  kind: z.enum(customerKinds).optional(),
  level: dictFilter,
  industry: dictFilter,
  source: dictFilter,
  status: dictFilter,
  ownerId: queryId.optional(),
  departmentId: queryId.optional(),
  province: z.string().trim().min(1).max(30).optional(),
  city: z.string().trim().min(1).max(30).optional(),
  district: z.string().trim().min(1).max(30).optional(),
  createdFrom: dayOrTime,
  createdTo: dayOrTime,
  nextContactFrom: dayOrTime,
  nextContactTo: dayOrTime,
  lastFollowupFrom: dayOrTime,
  lastFollowupTo: dayOrTime,
  updatedFrom: dayOrTime,
  updatedTo: dayOrTime,
};

/** Customers and contacts: lists, detail, create, update, delete, duplicates, hot, bulk. */
export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/customers',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '客户列表（场景、筛选、搜索，按数据权限）',
        querystring: z.strictObject({ ...listQueryBase, ...customerListFilters }),
        response: { 200: listResponse(customerSchema) },
      },
    },
    (req) => listCustomers(db, actorOf(req), req.query),
  );

  app.get(
    '/customers/recycle-bin',
    {
      config: { permission: 'customer.recycle' },
      schema: {
        tags,
        summary: '客户回收站',
        querystring: z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize, q: search }),
        response: { 200: listResponse(customerSchema) },
      },
    },
    (req) => listRecycleBin(db, actorOf(req), req.query),
  );

  app.post(
    '/customers/check-duplicates',
    {
      config: { permission: 'customer.create' },
      schema: { tags, summary: '客户查重（同名、相似名称、相同电话）', body: duplicateCheckBody, response: { 200: z.object({ matches: z.array(matchSchema) }) } },
    },
    (req) => checkDuplicates(db, actorOf(req), req.body),
  );

  app.post(
    '/customers/bulk',
    {
      // Each action also needs its own permission (checked before anything is touched).
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '批量操作（转移、共享、放入公海、标记热点、删除）',
        body: bulkBody,
        response: { 200: z.object({ done: z.number(), failed: z.array(z.object({ id: z.number(), code: z.string(), message: z.string() })) }) },
      },
    },
    (req) => bulkCustomers(db, actorOf(req), req.body, (err, id) => req.log.error({ err, customerId: id }, 'bulk action failed')),
  );

  app.get(
    '/customers/:id',
    { config: { permission: 'customer.view' }, schema: { tags, summary: '客户详情', params: idParam, response: { 200: customerSchema } } },
    (req) => getCustomer(db, actorOf(req), req.params.id),
  );

  app.post(
    '/customers',
    { config: { permission: 'customer.create' }, schema: { tags, summary: '新建客户', body: customerCreateBody, response: { 200: customerSchema } } },
    (req) => createCustomer(db, actorOf(req), req.body),
  );

  app.patch(
    '/customers/:id',
    {
      config: { permission: 'customer.update' },
      schema: { tags, summary: '修改客户', params: idParam, body: customerUpdateBody, response: { 200: customerSchema } },
    },
    (req) => updateCustomer(db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/customers/:id',
    { config: { permission: 'customer.delete' }, schema: { tags, summary: '删除客户（放入回收站）', params: idParam } },
    async (req, reply) => {
      await deleteCustomer(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/customers/:id/restore',
    { config: { permission: 'customer.recycle' }, schema: { tags, summary: '从回收站恢复', params: idParam, response: { 200: customerSchema } } },
    (req) => restoreCustomer(db, actorOf(req), req.params.id),
  );

  app.post(
    '/customers/:id/hot',
    {
      config: { permission: 'customer.update' },
      schema: { tags, summary: '标记 / 取消热点客户', params: idParam, body: z.strictObject({ hot: z.boolean() }), response: { 200: customerSchema } },
    },
    (req) => setHot(db, actorOf(req), req.params.id, req.body.hot),
  );

  // Contacts
  app.get(
    '/contacts',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '联系人列表（按客户的数据权限）',
        querystring: z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize, q: search, customerId: queryId.optional() }),
        response: { 200: listResponse(contactSchema) },
      },
    },
    (req) => listContacts(db, actorOf(req), req.query),
  );

  app.get(
    '/customers/:id/contacts',
    {
      config: { permission: 'customer.view' },
      schema: { tags, summary: '客户的联系人', params: idParam, response: { 200: z.object({ items: z.array(contactSchema) }) } },
    },
    (req) => customerContacts(db, actorOf(req), req.params.id),
  );

  app.post(
    '/customers/:id/contacts',
    {
      config: { permission: 'customer.update' },
      schema: { tags, summary: '新增联系人', params: idParam, body: contactCreateBody, response: { 200: contactSchema } },
    },
    (req) => createContact(db, actorOf(req), req.params.id, req.body),
  );

  app.patch(
    '/contacts/:id',
    {
      config: { permission: 'customer.update' },
      schema: { tags, summary: '修改联系人', params: idParam, body: contactUpdateBody, response: { 200: contactSchema } },
    },
    (req) => updateContact(db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/contacts/:id',
    { config: { permission: 'customer.update' }, schema: { tags, summary: '删除联系人', params: idParam } },
    async (req, reply) => {
      await deleteContact(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
