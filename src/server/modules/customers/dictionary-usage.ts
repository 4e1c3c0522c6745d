import { count, eq } from 'drizzle-orm';
import { registerDictionaryUsage } from '../../platform/dictionaries/service';
import { customers } from './schema';

/**
 * Customers store dictionary codes in these columns; an item in use (also by customers in the
 * recycle bin, which may come back) cannot be deleted.
 */
const columns = {
  industry: customers.industry,
  scale: customers.scale,
  source: customers.source,
  level: customers.level,
  status: customers.status,
} as const;

for (const [type, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
  registerDictionaryUsage(type, 'customers', async (db, code) => {
    const [{ n }] = await db.select({ n: count() }).from(customers).where(eq(column, code));
    return n;
  });
}
