import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../common/api';
import { requiredText } from '../../../common/fields';
import { actorOf } from '../http/actor';
import { createScene, deleteScene, listScenes, type SceneLists, updateScene } from './service';

const tags = ['scenes'];

const sceneSchema = z.object({
  id: z.number(),
  list: z.string(),
  name: z.string(),
  filters: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()).nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
});

const name = requiredText(30);
/** Checked field by field against the list's own schema in the service. */
const filters = z.record(z.string().max(50), z.unknown());
/** Checked against the list's column keys in the service. */
const columns = z.array(z.string().max(50)).min(1).max(100);

/**
 * 我的场景 (saved views). Login-only: every logged-in user manages their own scenes and only those;
 * another user's scene answers 404. `lists` is read when the routes are registered, so every area's
 * list is known by then.
 */
export function sceneRoutes(lists: () => SceneLists): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx;
    const registered = lists();
    const list = z.enum(Object.keys(registered) as [string, ...string[]]);

    app.get(
      '/scenes',
      {
        schema: {
          tags,
          summary: '我的场景（当前用户在某个列表上保存的筛选与列）',
          querystring: z.strictObject({ list }),
          response: { 200: z.object({ items: z.array(sceneSchema) }) },
        },
      },
      (req) => listScenes(db, actorOf(req), registered, req.query.list),
    );
    app.post(
      '/scenes',
      {
        schema: {
          tags,
          summary: '保存为场景',
          body: z.strictObject({ list, name, filters, columns: columns.nullable().optional(), isDefault: z.boolean().optional() }),
          response: { 200: sceneSchema },
        },
      },
      (req) => createScene(db, actorOf(req), registered, req.body),
    );
    app.patch(
      '/scenes/:id',
      {
        schema: {
          tags,
          summary: '修改场景（改名、筛选、列、设为默认）',
          params: idParam,
          body: z.strictObject({ name: name.optional(), filters: filters.optional(), columns: columns.nullable().optional(), isDefault: z.boolean().optional() }),
          response: { 200: sceneSchema },
        },
      },
      (req) => updateScene(db, actorOf(req), registered, req.params.id, req.body),
    );
    app.delete('/scenes/:id', { schema: { tags, summary: '删除场景', params: idParam } }, async (req, reply) => {
      await deleteScene(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    });
  };
}
