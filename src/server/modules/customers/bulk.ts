import type { BulkInput } from '../../../common/customers';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { clientErrorOf } from '../../platform/http/error-handler';
import { AppError, fieldError, forbidden } from '../../platform/http/errors';
import { errorMessages, type ErrorCode, fieldNames, formatMessage } from '../../platform/http/messages';
import { releaseCustomer } from './pool';
import { deleteCustomerIn, restoreCustomerIn, setHotIn } from './service';
import { shareCustomer, transferCustomer } from './sharing';

/** The permission each bulk action needs, checked once before any customer is touched. */
const actionPermission = {
  hot: 'customer.update',
  unhot: 'customer.update',
  delete: 'customer.delete',
  transfer: 'customer.transfer',
  share: 'customer.share',
  release: 'customer.pool',
  restore: 'customer.recycle',
} as const;

export interface BulkResult {
  done: number;
  failed: { id: number; code: string; message: string }[];
}

/**
 * 批量操作: the same action on many customers, each in its own transaction, so one refusal (not
 * in scope, owned limit, documents…) leaves the others done. Answers what was done and, per
 * customer, why the rest was not.
 */
export async function bulkCustomers(db: Db, actor: Actor, input: BulkInput, onUnexpected: (err: unknown, id: number) => void): Promise<BulkResult> {
  if (!actor.permissions.has(actionPermission[input.action])) throw forbidden();
  const run = actionRunner(db, actor, input);
  const result: BulkResult = { done: 0, failed: [] };
  for (const id of [...new Set(input.ids)]) {
    try {
      await run(id);
      result.done += 1;
    } catch (err) {
      if (err instanceof AppError) {
        const code = err.messageCode ?? err.code;
        result.failed.push({ id, code: err.code, message: formatMessage(errorMessages[code][actor.lang], err.params) });
      } else {
        // A value the database refused is the request's fault, as it is for one customer alone.
        const refused = clientErrorOf(err);
        if (!refused) onUnexpected(err, id);
        const code: ErrorCode = refused?.[1] ?? 'INTERNAL';
        result.failed.push({ id, code, message: errorMessages[code][actor.lang] });
      }
    }
  }
  return result;
}

function actionRunner(db: Db, actor: Actor, input: BulkInput): (id: number) => Promise<unknown> {
  // What the action needs besides the customers, named in the reader's language.
  const required = (field: 'toUserId' | 'access' | 'reason') => fieldError(field, 'BULK_FIELD_REQUIRED', { field: fieldNames[field][actor.lang] });
  switch (input.action) {
    case 'hot':
    case 'unhot':
      return (id) => db.transaction((tx) => setHotIn(tx, actor, id, input.action === 'hot'));
    case 'delete':
      return (id) => db.transaction((tx) => deleteCustomerIn(tx, actor, id));
    case 'restore':
      return (id) => db.transaction((tx) => restoreCustomerIn(tx, actor, id));
    case 'transfer': {
      const toUserId = input.toUserId;
      if (!toUserId) throw required('toUserId');
      return (id) => transferCustomer(db, actor, id, { toUserId, withContacts: input.withContacts });
    }
    case 'share': {
      const { toUserId, access } = input;
      if (!toUserId) throw required('toUserId');
      if (!access) throw required('access');
      return (id) => shareCustomer(db, actor, id, { userId: toUserId, access });
    }
    case 'release': {
      const reason = input.reason;
      if (!reason) throw required('reason');
      return (id) => releaseCustomer(db, actor, id, { reason });
    }
  }
}
