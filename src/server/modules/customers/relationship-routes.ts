import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, listQueryBase, listResponse } from '../../../common/api';
import { entityId, isoDay, isoInstant, requiredText } from '../../../common/fields';
import { actorOf } from '../../platform/http/actor';
import { activityKinds, createActivity, listActivities, listReminders } from './activities';
import { customerDtoFor, customerSchema } from './customer-dto';
import { assignCustomer, claimCustomer, listPool, poolStatus, releaseCustomer } from './pool';
import { getCustomerSettings, toCustomerSettingsDto, updateCustomerSettings } from './settings';
import { getTeam, shareCustomer, transferCustomer, unshareCustomer } from './sharing';

const tags = ['customers'];

const teamSchema = z.object({
  owner: z.object({ userId: z.number(), name: z.string() }).nullable(),
  members: z.array(z.object({ userId: z.number(), name: z.string(), access: z.enum(['read', 'write']) })),
});

export const activitySchema = z.object({
  id: z.number(),
  customerId: z.number(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  kind: z.string(),
  event: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  content: z.string().nullable(),
  occurredAt: z.string(),
  nextContactAt: z.string().nullable(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
});

const settingsSchema = z.object({
  dailyClaimLimit: z.number().int().min(0).max(10000),
  reclaimBlockDays: z.number().int().min(0).max(3650),
  maxOwnedPerUser: z.number().int().min(0).max(1000000),
  allowDuplicateName: z.boolean(),
  allowDuplicatePhone: z.boolean(),
});

/** An ISO time with offset, as the web sends it. */
const instant = isoInstant.transform((v) => new Date(v));
const dictCode = z.string().trim().min(1).max(32);
const teamParams = z.object({ id: idParam.shape.id, userId: idParam.shape.id });

/** Who has the customer: pool (release, claim, assign), transfer, team sharing, and the follow-up timeline. */
export const customerRelationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  // 客户池 / 公海
  app.get(
    '/pool',
    {
      config: { permission: 'customer.pool' },
      schema: {
        tags,
        summary: '客户池（公海）列表',
        querystring: z.strictObject({
          page: listQueryBase.page,
          pageSize: listQueryBase.pageSize,
          q: z.string().trim().max(50).optional(),
          level: dictCode.optional(),
          industry: dictCode.optional(),
        }),
        response: {
          200: listResponse(customerSchema).extend({
            /** The caller's claims today and the daily limit (0 = unlimited), for the pool page's header. */
            claimsToday: z.number().int(),
            dailyClaimLimit: z.number().int(),
            /** Days a user who released a customer waits before claiming it back (0 = no wait). */
            reclaimBlockDays: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { ...(await listPool(db, actor, req.query)), ...(await poolStatus(db, actor)) };
    },
  );
  app.post(
    '/customers/:id/release',
    {
      config: { permission: 'customer.pool' },
      schema: { tags, summary: '放入公海（须填写原因）', params: idParam, body: z.strictObject({ reason: requiredText(200) }) },
    },
    async (req, reply) => {
      await releaseCustomer(db, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/customers/:id/claim',
    {
      config: { permission: 'customer.pool' },
      schema: { tags, summary: '从公海领取', params: idParam, response: { 200: customerSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      return customerDtoFor(db, actor, await claimCustomer(db, actor, req.params.id));
    },
  );
  app.post(
    '/customers/:id/assign',
    {
      config: { permission: 'customer.assign' },
      schema: { tags, summary: '分配 / 二次分配', params: idParam, body: z.strictObject({ toUserId: entityId }), response: { 200: customerSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      return customerDtoFor(db, actor, await assignCustomer(db, actor, req.params.id, req.body));
    },
  );

  // 转移
  app.post(
    '/customers/:id/transfer',
    {
      config: { permission: 'customer.transfer' },
      schema: {
        tags,
        summary: '转移客户',
        params: idParam,
        body: z.strictObject({ toUserId: entityId, withContacts: z.boolean().optional() }),
        response: { 200: customerSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return customerDtoFor(db, actor, await transferCustomer(db, actor, req.params.id, req.body));
    },
  );

  // 团队成员 (共享)
  app.get(
    '/customers/:id/team',
    { config: { permission: 'customer.view' }, schema: { tags, summary: '团队成员', params: idParam, response: { 200: teamSchema } } },
    (req) => getTeam(db, actorOf(req), req.params.id),
  );
  app.put(
    '/customers/:id/team/:userId',
    {
      config: { permission: 'customer.share' },
      schema: {
        tags,
        summary: '共享给用户 / 修改成员权限',
        params: teamParams,
        body: z.strictObject({ access: z.enum(['read', 'write']) }),
        response: { 200: teamSchema },
      },
    },
    (req) => shareCustomer(db, actorOf(req), req.params.id, { userId: req.params.userId, access: req.body.access }),
  );
  app.delete(
    '/customers/:id/team/:userId',
    { config: { permission: 'customer.share' }, schema: { tags, summary: '取消共享', params: teamParams } },
    async (req, reply) => {
      await unshareCustomer(db, actorOf(req), req.params.id, req.params.userId);
      return reply.status(204).send();
    },
  );

  // 行动历史
  app.get(
    '/customers/:id/activities',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '行动历史（新的在前）',
        params: idParam,
        querystring: z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize }),
        response: { 200: listResponse(activitySchema) },
      },
    },
    (req) => listActivities(db, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/customers/:id/activities',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '记录跟进（需要该客户的编辑权）',
        params: idParam,
        body: z.strictObject({
          kind: z.enum(activityKinds),
          content: requiredText(5000),
          occurredAt: instant.optional(),
          contactId: entityId.nullish(),
          nextContactAt: instant.nullish(),
        }),
        response: { 200: activitySchema },
      },
    },
    (req) => createActivity(db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/activities/reminders',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '今日需联系 / 逾期未联系（本人负责的客户）',
        querystring: z.strictObject({ date: isoDay.optional() }),
        response: {
          200: z.object({
            date: z.string(),
            dayStart: z.string(),
            items: z.array(customerSchema),
            todayTotal: z.number().int(),
            overdueTotal: z.number().int(),
          }),
        },
      },
    },
    (req) => listReminders(db, actorOf(req), req.query),
  );

  // 客户设置
  app.get(
    '/customer-settings',
    { config: { permission: 'customer.view' }, schema: { tags, summary: '客户设置（公海规则、上限、查重）', response: { 200: settingsSchema } } },
    async () => toCustomerSettingsDto(await getCustomerSettings(db)),
  );
  app.put(
    '/customer-settings',
    {
      config: { permission: 'settings.customer.manage' },
      schema: { tags, summary: '修改客户设置', body: settingsSchema.strict(), response: { 200: settingsSchema } },
    },
    (req) => updateCustomerSettings(db, actorOf(req), req.body),
  );
};
