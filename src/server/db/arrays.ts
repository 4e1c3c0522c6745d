import { type SQL, sql } from 'drizzle-orm';

type Scalar = string | number | boolean | null;

/**
 * A JS array as ONE bound parameter of a PostgreSQL array type (drizzle would otherwise expand it
 * into a list of parameters). Works the same on pg and PGlite: the value travels as an array literal.
 */
export function sqlArray(values: readonly Scalar[], type: 'int' | 'bigint' | 'text' | 'bool' | 'timestamptz'): SQL {
  const literal = `{${values.map(toElement).join(',')}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}

function toElement(value: Scalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number in array');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
