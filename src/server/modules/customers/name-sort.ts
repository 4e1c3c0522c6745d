import { sql } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import { sqlArray } from '../../db/arrays';
import { type Db, rows } from '../../db/client';

/**
 * What 客户名称 sorts by: the name's reading in toneless pinyin (syllables apart, ü as v), then a tab
 * and the name itself. Chinese readers look names up by sound (安徽… before 北京… before 上海…), and
 * the database's own order is by code point (上 U+4E0A before 北 U+5317 before 安 U+5B89); PGlite has
 * no ICU collation to ask for pinyin, so the key is made here. The tab sorts below every letter and
 * space, so a name comes before the longer names it begins, and same-sounding names stay together.
 * A person's name reads its first character as a surname (曾 zeng, 单 shan).
 */
export function nameSortKey(name: string, kind?: 'company' | 'person' | null): string {
  const reading = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, surname: kind === 'person' ? 'head' : 'off' })
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return `${reading}\t${name}`;
}

/**
 * Keys for rows written without one (those from before migration 0017, or put in by SQL of one's
 * own), a batch at a time, for up to `budgetMs` per run (the job customers.name-sort-keys); a
 * batch is small because on PGlite other queries wait while it writes. A name changed between the
 * read and the write keeps its null, and the next run reads it again.
 */
export async function fillNameSortKeys(db: Db, budgetMs = 600_000, batchSize = 200): Promise<{ filled: number }> {
  const started = Date.now();
  let filled = 0;
  while (Date.now() - started < budgetMs) {
    const batch = await rows<{ id: number; name: string; kind: 'company' | 'person' }>(
      db,
      sql`select id, name, kind from customers where name_sort is null order by id limit ${batchSize}`,
    );
    if (!batch.length) break;
    const written = await rows<{ id: number }>(
      db,
      sql`update customers c set name_sort = k.key
            from unnest(${sqlArray(batch.map((r) => r.id), 'bigint')}, ${sqlArray(batch.map((r) => r.name), 'text')},
                        ${sqlArray(batch.map((r) => nameSortKey(r.name, r.kind)), 'text')}) as k(id, name, key)
           where c.id = k.id and c.name = k.name and c.name_sort is null
          returning c.id`,
    );
    filled += written.length;
    if (written.length < batch.length) break;
  }
  return { filled };
}
