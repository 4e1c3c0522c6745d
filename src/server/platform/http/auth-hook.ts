import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../common/api';
import { loadSessionActor } from '../auth/actor-loader';
import { touchSession } from '../auth/sessions';
import { sendError } from './error-handler';
import { requestLang } from './lang';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function carriesBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Every request: resolve language and session; then enforce the route's declared needs
 * (public / logged in / permission) and CSRF on mutations. Runs before the body is read.
 */
export function installAuthHook(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.lang = requestLang(req);
    // A GET carries no body; one that does is refused rather than silently ignored.
    if (SAFE_METHODS.has(req.method) && req.url.startsWith('/api/') && carriesBody(req)) {
      return sendError(req, reply, 400, 'BODY_NOT_ALLOWED');
    }
    const config = req.routeOptions.config;
    // Unmatched URLs go to the not-found handler; static files and docs are public.
    if (!req.routeOptions.url || config.public || !req.url.startsWith('/api/')) return;

    const token = req.cookies[SESSION_COOKIE];
    const loaded = token ? await loadSessionActor(app.ctx.db, app.ctx.sessions, token, { ip: req.ip, lang: req.lang }) : null;
    if (!loaded) return sendError(req, reply, 401, 'UNAUTHENTICATED');
    const { session } = loaded;

    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      return sendError(req, reply, 403, 'CSRF_INVALID');
    }
    if (config.permission && !loaded.actor.permissions.has(config.permission)) {
      return sendError(req, reply, 403, 'FORBIDDEN');
    }
    req.actor = loaded.actor;
    await touchSession(app.ctx.db, session, app.ctx.config.sessionIdleMinutes);
  });
}
