import { eq } from 'drizzle-orm';
import { registerUserDepartmentChange } from '../../platform/org/department-change';
import { customers } from './schema';

/**
 * A customer's `department_id` is its owner's department: when an administrator moves the owner,
 * the customers go along, deleted ones too (so a restore lands in the right department). The
 * user's row is already locked by the move, so a concurrent claim, assign or transfer to this user
 * (which locks it first, see write-locks.ts) waits and then reads the new department.
 */
registerUserDepartmentChange(async (tx, { userId, toDepartmentId }) => {
  // No updated_at: bookkeeping of the owner's move, not an edit of the customer (lists stay in order).
  await tx.update(customers).set({ departmentId: toDepartmentId }).where(eq(customers.ownerId, userId));
});
