import type { Db } from '../../db/client';

export interface UserDepartmentChange {
  userId: number;
  fromDepartmentId: number;
  toDepartmentId: number;
}

/**
 * Runs inside the transaction that moves a user to another department, after the user's row is
 * updated (and so locked): modules that keep a copy of the owner's department (customers) bring it
 * along, so department scopes follow the user without the platform knowing those modules.
 */
export type UserDepartmentChangeHandler = (tx: Db, change: UserDepartmentChange) => Promise<void>;

const handlers = new Set<UserDepartmentChangeHandler>();

/** Returns a function that removes the handler again. */
export function registerUserDepartmentChange(handler: UserDepartmentChangeHandler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

export async function runUserDepartmentChange(tx: Db, change: UserDepartmentChange) {
  for (const handler of handlers) await handler(tx, change);
}
