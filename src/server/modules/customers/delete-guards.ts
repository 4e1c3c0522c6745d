import type { Db } from '../../db/client';

/**
 * Why a customer may not be deleted: later modules (orders, quotes, payments …) register a guard
 * that answers with what is in the way, e.g. `{ documents: 3 }`, or null when nothing is.
 * A guard runs inside the delete's transaction, after the customer row is locked.
 */
export type CustomerDeleteGuard = (db: Db, customerId: number) => Promise<{ documents: number } | null>;

const guards: CustomerDeleteGuard[] = [];

export function registerCustomerDeleteGuard(guard: CustomerDeleteGuard): () => void {
  guards.push(guard);
  return () => {
    const i = guards.indexOf(guard);
    if (i >= 0) guards.splice(i, 1);
  };
}

/** The number of documents that block deleting the customer (0: free to delete). */
export async function blockingDocuments(db: Db, customerId: number): Promise<number> {
  let total = 0;
  for (const guard of guards) {
    const found = await guard(db, customerId);
    if (found) total += found.documents;
  }
  return total;
}
