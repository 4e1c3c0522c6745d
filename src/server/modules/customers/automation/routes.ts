import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../common/api';
import { requiredText } from '../../../../common/fields';
import { actorOf } from '../../../platform/http/actor';
import { activityKinds } from '../activities';
import { listReturnExemptions } from './return-exemptions';
import { createPoolReturnRule, deletePoolReturnRule, listPoolReturnRules, listReturnWarnings, updatePoolReturnRule } from './pool-return';
import { completeRevisit, createRevisitRule, deleteRevisitRule, listRevisitRules, listRevisits, updateRevisitRule } from './revisits';

const tags = ['customers'];
const days = z.number().int().min(1).max(3650);
const levelCode = z.string().trim().min(1).max(32);
/** Checked against the registered exemptions by the service (400 RETURN_EXEMPTION_UNKNOWN). */
const exemptionKeys = z.array(z.string().min(1).max(40)).max(20);

const returnRuleBody = z.strictObject({
  name: requiredText(60),
  enabled: z.boolean().default(true),
  noFollowupDays: days.nullable().default(null),
  noDealDays: days.nullable().default(null),
  levels: z.array(levelCode).max(50).nullable().default(null),
  exemptions: exemptionKeys.default([]),
  warnDaysBefore: z.number().int().min(0).max(365).default(0),
});
const returnRulePatch = z.strictObject({
  name: requiredText(60).optional(),
  enabled: z.boolean().optional(),
  noFollowupDays: days.nullable().optional(),
  noDealDays: days.nullable().optional(),
  levels: z.array(levelCode).max(50).nullable().optional(),
  exemptions: exemptionKeys.optional(),
  warnDaysBefore: z.number().int().min(0).max(365).optional(),
});
const returnRuleSchema = z.object({
  id: z.number(),
  name: z.string(),
  enabled: z.boolean(),
  noFollowupDays: z.number().nullable(),
  noDealDays: z.number().nullable(),
  levels: z.array(z.string()).nullable(),
  exemptions: z.array(z.string()),
  warnDaysBefore: z.number(),
  updatedAt: z.string(),
});

const revisitRuleBody = z.strictObject({ level: levelCode, intervalDays: days, enabled: z.boolean().default(true) });
const revisitRuleSchema = z.object({ id: z.number(), level: z.string(), intervalDays: z.number(), enabled: z.boolean(), updatedAt: z.string() });

const warningSchema = z.object({
  customerId: z.number(),
  name: z.string(),
  level: z.string().nullable(),
  lastFollowupAt: z.string().nullable(),
  returnAt: z.string(),
  ruleId: z.number(),
  ruleName: z.string(),
});
const revisitSchema = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  level: z.string().nullable(),
  phone: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  lastFollowupAt: z.string().nullable(),
  intervalDays: z.number().nullable(),
});

/** 自动回收规则, 即将回收 warnings, 回访计划 and the revisit to-dos. */
export const customerAutomationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  const manage = { permission: 'settings.customer.manage' as const };

  app.get(
    '/pool-return-rules',
    { config: manage, schema: { tags, summary: '自动回收规则', response: { 200: z.object({ items: z.array(returnRuleSchema) }) } } },
    () => listPoolReturnRules(db),
  );
  app.get(
    '/pool-return-rules/exemptions',
    {
      config: manage,
      schema: { tags, summary: '自动回收可选的例外条件', response: { 200: z.object({ items: z.array(z.object({ key: z.string(), labelKey: z.string() })) }) } },
    },
    () => ({ items: listReturnExemptions() }),
  );
  app.post(
    '/pool-return-rules',
    { config: manage, schema: { tags, summary: '新建自动回收规则', body: returnRuleBody, response: { 200: returnRuleSchema } } },
    (req) => createPoolReturnRule(db, actorOf(req), req.body),
  );
  app.patch(
    '/pool-return-rules/:id',
    { config: manage, schema: { tags, summary: '修改自动回收规则', params: idParam, body: returnRulePatch, response: { 200: returnRuleSchema } } },
    (req) => updatePoolReturnRule(db, actorOf(req), req.params.id, req.body),
  );
  app.delete('/pool-return-rules/:id', { config: manage, schema: { tags, summary: '删除自动回收规则', params: idParam } }, async (req, reply) => {
    await deletePoolReturnRule(db, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.get(
    '/customers/return-warnings',
    {
      config: { permission: 'customer.view' },
      schema: { tags, summary: '即将回收（本人负责、将被自动回收的客户）', response: { 200: z.object({ items: z.array(warningSchema), total: z.number().int() }) } },
    },
    (req) => listReturnWarnings(db, actorOf(req)),
  );

  app.get(
    '/revisit-rules',
    { config: manage, schema: { tags, summary: '回访计划规则', response: { 200: z.object({ items: z.array(revisitRuleSchema) }) } } },
    () => listRevisitRules(db),
  );
  app.post(
    '/revisit-rules',
    { config: manage, schema: { tags, summary: '新建回访计划规则', body: revisitRuleBody, response: { 200: revisitRuleSchema } } },
    (req) => createRevisitRule(db, actorOf(req), req.body),
  );
  app.patch(
    '/revisit-rules/:id',
    {
      config: manage,
      schema: { tags, summary: '修改回访计划规则', params: idParam, body: revisitRuleBody.partial().strict(), response: { 200: revisitRuleSchema } },
    },
    (req) => updateRevisitRule(db, actorOf(req), req.params.id, req.body),
  );
  app.delete('/revisit-rules/:id', { config: manage, schema: { tags, summary: '删除回访计划规则', params: idParam } }, async (req, reply) => {
    await deleteRevisitRule(db, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/revisits',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '今日回访 / 逾期回访（本人的回访任务）',
        querystring: z.strictObject({ scope: z.enum(['today', 'overdue', 'all']).default('all') }),
        response: {
          200: z.object({ date: z.string(), items: z.array(revisitSchema), todayTotal: z.number().int(), overdueTotal: z.number().int() }),
        },
      },
    },
    (req) => listRevisits(db, actorOf(req), req.query),
  );
  app.post(
    '/revisits/:id/done',
    {
      config: { permission: 'customer.view' },
      schema: {
        tags,
        summary: '完成回访（记录跟进并安排下一次）',
        params: idParam,
        body: z.strictObject({ kind: z.enum(activityKinds), content: requiredText(5000) }),
        response: {
          200: z.object({ id: z.number(), status: z.literal('done'), activityId: z.number(), next: z.object({ id: z.number(), dueDate: z.string() }).nullable() }),
        },
      },
    },
    (req) => completeRevisit(db, actorOf(req), req.params.id, req.body),
  );
};
