import type { Db } from '../../db/client';
import type { Actor } from '../access/actor';

/**
 * Each entity type says who may see one of its records; the record-history endpoint asks here.
 * Modules register their types when they are loaded (see modules/registry.ts).
 */
export type VisibilityCheck = (db: Db, actor: Actor, entityId: string) => Promise<boolean>;

const checks = new Map<string, VisibilityCheck>();

export function registerRecordVisibility(entityType: string, check: VisibilityCheck) {
  checks.set(entityType, check);
}

export async function canSeeRecord(db: Db, actor: Actor, entityType: string, entityId: string) {
  const check = checks.get(entityType);
  return check ? check(db, actor, entityId) : false;
}
