import type { Config } from '../../config';
import type { Database, Db } from '../../db/client';
import type { Permission } from '../../../common/permissions';
import type { Actor } from '../access/actor';
import type { SessionCache } from '../auth/actor-loader';
import type { FileStore } from '../settings/files';
import type { Lang } from './lang';

/** What every route and job can reach: configuration, the database, the file store. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  files: FileStore;
  /** Sessions' actors kept between requests (auth/actor-loader.ts). */
  sessions: SessionCache;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, docs). */
    public?: boolean;
    /** The permission a caller must hold; omitted means any logged-in user. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
}
