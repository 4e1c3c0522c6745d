import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyContextConfig, type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { serverModules } from './modules/registry';
import { registerRecordVisibility } from './platform/audit/visibility';
import { newSessionCache } from './platform/auth/actor-loader';
import { installAuthHook } from './platform/http/auth-hook';
import type { AppContext } from './platform/http/context';
import { installErrorHandler, sendError } from './platform/http/error-handler';
import { validatorCompiler } from './platform/http/validation';
import { FileStore, registerFileOwner } from './platform/settings/files';

/** A route as registered, for tests that walk every route (the authorisation test). */
export interface RegisteredRoute {
  method: string;
  url: string;
  config: FastifyContextConfig;
}

const routeLists = new WeakMap<object, RouteOptions[]>();

/** Every route the app registered, including those of modules added later; HEAD twins of GETs left out. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return (routeLists.get(app) ?? []).flatMap((route) =>
    [route.method]
      .flat()
      .filter((method) => method !== 'HEAD')
      .map((method) => ({ method, url: route.url, config: route.config ?? {} })),
  );
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** Build the whole HTTP app from config and an open database; tests build it the same way. */
export async function buildApp(opts: BuildOptions) {
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    trustProxy: opts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // A path the router cannot decode or an over-long id: the project's error shape, not Fastify's.
    // (No hook runs for these, so the request id header is set here.)
    frameworkErrors: (err, req, reply) => {
      reply.header('x-request-id', req.id);
      return err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? sendError(req, reply, 414, 'URL_TOO_LONG') : sendError(req, reply, 400, 'BAD_URL');
    },
    // One log line per request (below) instead of Fastify's two: logging was a sixth of the CPU of
    // a list request under load.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  // Kept by reference: hooks registered later may still adjust a route's config (see /api/docs below).
  const routeList: RouteOptions[] = [];
  routeLists.set(app, routeList);
  app.addHook('onRoute', (route) => {
    routeList.push(route);
  });

  const ctx: AppContext = {
    config: opts.config,
    database: opts.database,
    db: opts.database.db,
    files: new FileStore(path.join(opts.config.dataDir, 'files')),
    sessions: newSessionCache(opts.database.changes, opts.config.sessionCacheSeconds),
  };
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, user: req.actor?.userId }, 'request');
  });

  await app.register(cookie);
  installErrorHandler(app);
  installAuthHook(app);

  // The docs are for anyone who can reach the server; they describe the contract, not data.
  // Added before the docs plugins register their routes, or it would never see them.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });

  await app.register(swagger, {
    openapi: {
      info: { title: '企业CRM API', description: 'CRM + light ERP for small and mid-sized companies', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['ops'], response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) } } },
    async (_req, reply) => {
      try {
        await ctx.database.ping();
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );

  for (const mod of serverModules) {
    await app.register(mod.routes, { prefix: '/api/v1' });
    for (const [entityType, check] of Object.entries(mod.recordVisibility ?? {})) registerRecordVisibility(entityType, check);
    for (const [owner, check] of Object.entries(mod.fileOwners ?? {})) registerFileOwner(owner, check);
  }

  const indexHtml = path.join(webRoot, 'index.html');
  const serveWeb = (opts.serveWeb ?? true) && fs.existsSync(indexHtml);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        res.header('x-content-type-options', 'nosniff');
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || !serveWeb || req.method !== 'GET') {
      return sendError(req, reply, 404, 'ROUTE_NOT_FOUND');
    }
    // Client-side routes: every other GET gets the app shell.
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
  });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
