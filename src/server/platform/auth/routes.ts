import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../common/api';
import { email, mobile, password } from '../../../common/fields';
import { getCompany } from '../settings/company';
import { companySchema } from '../settings/routes';
import { loadActor } from './actor-loader';
import { changeOwnPassword, login, logout, meView } from './service';
import { actorOf } from '../http/actor';
import { AppError } from '../http/errors';
import { updateOwnProfile } from '../org/users';

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  departmentId: z.number(),
  departmentName: z.string(),
  roles: z.array(z.object({ id: z.number(), name: z.string() })),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  hasSubordinates: z.boolean(),
});

const sessionResponse = z.object({ user: meSchema, csrfToken: z.string(), company: companySchema });

function cookieOptions(req: FastifyRequest, secureSetting: 'true' | 'false' | 'auto') {
  const secure = secureSetting === 'auto' ? req.protocol === 'https' : secureSetting === 'true';
  return { path: '/', sameSite: 'lax' as const, secure, maxAge: 60 * 60 * 24 * 30 };
}

function clearCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.ctx;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 / Log in',
        body: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await login(db, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, lang: req.lang }, config.sessionIdleMinutes);
      const opts = cookieOptions(req, config.cookieSecure);
      reply.setCookie(SESSION_COOKIE, result.session.token, { ...opts, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.session.csrfToken, { ...opts, httpOnly: false });
      return { user: await meView(db, result.user, result.roles), csrfToken: result.session.csrfToken, company: await getCompany(db) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 / Log out' } }, async (req, reply) => {
    await logout(db, actorOf(req));
    clearCookies(reply);
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: sessionResponse } } }, async (req) => {
    const actor = actorOf(req);
    const loaded = await loadActor(db, actor.userId, { ip: req.ip, lang: req.lang, sessionId: actor.sessionId });
    if (!loaded) throw new AppError(401, 'UNAUTHENTICATED');
    const csrfToken = req.cookies[CSRF_COOKIE] ?? '';
    return { user: await meView(db, loaded.user, loaded.roles), csrfToken, company: await getCompany(db) };
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 / Change own password',
        body: z.strictObject({ oldPassword: z.string().min(1).max(128), newPassword: password }),
      },
    },
    async (req, reply) => {
      await changeOwnPassword(db, actorOf(req), req.body);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/auth/profile',
    {
      schema: {
        tags: ['auth'],
        summary: '修改个人资料 / Update own profile',
        body: z.strictObject({ mobile: mobile.optional(), email: email.optional() }),
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateOwnProfile(db, actor, req.body);
      const loaded = await loadActor(db, actor.userId, { ip: req.ip, lang: req.lang, sessionId: actor.sessionId });
      if (!loaded) throw new AppError(401, 'UNAUTHENTICATED');
      return { user: await meView(db, loaded.user, loaded.roles) };
    },
  );
};
