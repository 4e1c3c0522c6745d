import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQueryBase, listResponse } from '../../../common/api';
import { actorOf } from '../http/actor';
import { listAudit, recordHistory } from './service';

const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  summaryKey: z.string().nullable(),
  summaryParams: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).nullable(),
  changes: z
    .array(
      z.object({
        field: z.string(),
        from: z.unknown(),
        to: z.unknown(),
        fromName: z.string().optional(),
        toName: z.string().optional(),
        subjectName: z.string().optional(),
      }),
    )
    .nullable(),
});

const slug = z.string().trim().regex(/^[a-z_]{1,40}$/);
/** A filter date PostgreSQL can hold (a year like 99999 would otherwise fail in the query). */
const filterDate = z.coerce.date().min(new Date('1900-01-01T00:00:00Z')).max(new Date('9999-12-31T23:59:59Z'));

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/audit',
    {
      config: { permission: 'audit.view' },
      schema: {
        tags: ['audit'],
        summary: '操作记录（按数据权限）',
        querystring: z.strictObject({
          ...listQueryBase,
          actorId: z.coerce.number().int().min(1).max(2147483647).optional(),
          action: slug.optional(),
          entityType: slug.optional(),
          entityId: z.string().trim().max(64).optional(),
          from: filterDate.optional(),
          to: filterDate.optional(),
          q: z.string().trim().max(50).optional(),
        }),
        response: { 200: listResponse(auditEntrySchema) },
      },
    },
    (req) => listAudit(db, actorOf(req), req.query),
  );
  app.get(
    '/audit/records/:entityType/:entityId',
    {
      schema: {
        tags: ['audit'],
        summary: '单条记录的变更历史（能看到该记录的人可见）',
        params: z.object({ entityType: slug, entityId: z.string().trim().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    (req) => recordHistory(db, actorOf(req), req.params.entityType, req.params.entityId),
  );
};
