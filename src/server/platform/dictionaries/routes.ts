import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/api';
import { code, optionalText, requiredText } from '../../../common/fields';
import { actorOf } from '../http/actor';
import { dictionaryTypes } from './defaults';
import { createDictionaryItem, deleteDictionaryItem, listDictionaries, updateDictionaryItem } from './service';

const itemSchema = z.object({ id: z.number(), code: z.string(), label: z.string(), labelEn: z.string().nullable(), sort: z.number(), enabled: z.boolean() });
/** The English label: blank clears it (English mode then shows the Chinese one). */
const labelEn = optionalText(50).optional();
const dictionaryType = z.enum(dictionaryTypes);
const sort = z.number().int().min(0).max(100000);

/** Administrator-edited value lists (行业, 规模, 来源, 级别, 客户状态). */
export const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  // Every form and list shows the labels, so any logged-in user reads them.
  app.get(
    '/dictionaries',
    {
      schema: {
        tags: ['dictionaries'],
        summary: '数据字典（任何登录用户）',
        querystring: z.strictObject({
          types: z
            .string()
            .max(200)
            .optional()
            .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
            .pipe(z.array(dictionaryType).max(20)),
        }),
        response: { 200: z.object({ items: z.record(z.string(), z.array(itemSchema)) }) },
      },
    },
    (req) => listDictionaries(db, req.query.types),
  );

  app.post(
    '/dictionaries/:type',
    {
      config: { permission: 'settings.dictionary.manage' },
      schema: {
        tags: ['dictionaries'],
        summary: '新增字典项',
        params: z.object({ type: dictionaryType }),
        body: z.strictObject({ code: code.optional(), label: requiredText(50), labelEn, sort: sort.optional() }),
        response: { 200: itemSchema },
      },
    },
    (req) => createDictionaryItem(db, actorOf(req), req.params.type, req.body),
  );

  app.patch(
    '/dictionaries/items/:id',
    {
      config: { permission: 'settings.dictionary.manage' },
      schema: {
        tags: ['dictionaries'],
        summary: '修改字典项（名称、英文名称、排序、停用）',
        params: idParam,
        body: z.strictObject({ label: requiredText(50).optional(), labelEn, sort: sort.optional(), enabled: z.boolean().optional() }),
        response: { 200: itemSchema },
      },
    },
    (req) => updateDictionaryItem(db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/dictionaries/items/:id',
    {
      config: { permission: 'settings.dictionary.manage' },
      schema: { tags: ['dictionaries'], summary: '删除字典项（未被使用时）', params: idParam },
    },
    async (req, reply) => {
      await deleteDictionaryItem(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
