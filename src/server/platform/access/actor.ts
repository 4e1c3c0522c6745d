import { SYSTEM_ACTOR_NAME } from '../../../common/api';
import type { DataScope } from '../../../common/permissions';
import type { Lang } from '../http/lang';

/** Who is acting: resolved once per request from the session, passed to every service call. */
export interface Actor {
  userId: number;
  username: string;
  name: string;
  departmentId: number;
  permissions: ReadonlySet<string>;
  /** Each role's scope with the modules it grants something in; the widest per module wins. */
  grants: { scope: DataScope; modules: ReadonlySet<string> }[];
  ip: string | null;
  lang: Lang;
  sessionId: string | null;
  /** Per-request memo of resolved scopes (keyed by module) and of the actor facts (actor-facts.ts). */
  scopeCache: Map<string, unknown>;
}

/** The actor for work no user started (bootstrap, scheduled jobs, demo seeding). */
export function systemActor(): Actor {
  return {
    userId: 0,
    username: 'system',
    name: SYSTEM_ACTOR_NAME,
    departmentId: 0,
    permissions: new Set(),
    grants: [],
    ip: null,
    lang: 'zh',
    sessionId: null,
    scopeCache: new Map(),
  };
}

export const hasPermission = (actor: Actor, permission: string) => actor.permissions.has(permission);
