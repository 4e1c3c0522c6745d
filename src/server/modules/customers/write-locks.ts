import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executeNamed } from '../../db/prepared';
import { dictionaryLockStatement, type DictionaryValue, knownValues, lockDictionaryValues } from '../../platform/dictionaries/service';
import { duplicateKeysLockStatement, lockDuplicateKeys } from './duplicates';
import { getCustomerSettings } from './settings';

/**
 * The one lock order of customer writes. Every path that writes customers (create, update, restore,
 * import, claim, assign, transfer, release) takes the locks it needs in this order and never goes
 * back to an earlier step, so two of them can wait for each other but never deadlock on PostgreSQL:
 *
 *   1. the receiving user's row in `users`, FOR UPDATE (lockUser / lockNewOwner: owned limit,
 *      daily claim limit); one user per transaction;
 *   2. the customer's row, FOR UPDATE (loadCustomer with `lock`, or the conditional UPDATE of
 *      changeOwner);
 *   3. the dictionary items whose codes the write stores, FOR KEY SHARE (so a concurrent delete of
 *      an item waits and then sees the record, or deletes first and the write is refused);
 *   4. the duplicate keys: transaction advisory locks on the names and numbers, all in one
 *      statement, ordered by the lock's own key (the hash), so any two sets are taken in the same
 *      order (see lockDuplicateKeys).
 *
 * Steps 3 and 4 are taken together (one statement) by lockCustomerKeys below, for a single save and for each
 * import batch alike; steps 1 and 2 come before it in the callers.
 */
export async function lockCustomerKeys(tx: Db, keys: { dictionary?: DictionaryValue[]; names?: string[]; phones?: string[] }): Promise<Set<string>> {
  // Only the kinds of duplicate the settings refuse are checked, so only those are locked.
  const settings = await getCustomerSettings(tx);
  const duplicateKeys = {
    names: settings.allowDuplicateName ? [] : keys.names,
    phones: settings.allowDuplicatePhone ? [] : keys.phones,
  };
  const dictionary = dictionaryLockStatement(keys.dictionary ?? []);
  if (!dictionary) {
    await lockDuplicateKeys(tx, duplicateKeys);
    return new Set();
  }
  // Both steps in one statement (one round trip less per save): the advisory locks are taken on
  // rows joined with the dictionary's locked rows, so only after all of those are locked.
  const duplicates = duplicateKeysLockStatement(duplicateKeys, sql`(select count(*) from dict) as dict_locked`);
  if (!duplicates) return lockDictionaryValues(tx, keys.dictionary ?? []);
  const {
    rows: [row],
  } = await executeNamed<{ known: { dict_type: string; code: string }[] | null }>(
    tx,
    'customer_key_locks_with_dictionary',
    sql`with dict as materialized (${dictionary})
        select (select json_agg(dict) from dict) as known, (${duplicates}) as locked`,
  );
  return knownValues(row.known ?? []);
}
