import { sql } from 'drizzle-orm';
import { sqlArray } from '../db/arrays';
import { type Db, rows } from '../db/client';
import { buildSearchText } from '../modules/customers/search-text';
import { nameSortKey } from '../modules/customers/name-sort';
import { between, companyName, followupText, jobTitle, landline, mobile, personName, pick, region, seededRng, shortNameOf } from './fake-data';

const DAY = 86_400_000;
const levels = ['A', 'B', 'C', 'D'];
// 客户状态 by share: most are prospects, a fifth have bought, a few are lost.
const statusWeights: [string, number][] = [['potential', 0.4], ['intent', 0.35], ['deal', 0.2], ['lost', 0.05]];

export interface FakeCustomerOptions {
  count: number;
  seed: number;
  /** Owners to spread customers over (about 5% go to the pool). */
  owners: { id: number; department_id: number }[];
  contactsPer: number;
  activitiesPer: number;
}

/**
 * Insert a batch of realistic customers with their contacts and activities, in three set-based
 * statements. Used by the demo company and by the benchmark loader.
 */
export async function insertFakeCustomers(db: Db, opts: FakeCustomerOptions): Promise<number[]> {
  const industries = (await rows<{ code: string }>(db, sql`select code from dictionary_items where dict_type = 'industry'`)).map((r) => r.code);
  const sources = (await rows<{ code: string }>(db, sql`select code from dictionary_items where dict_type = 'source'`)).map((r) => r.code);
  const now = Date.now();
  const rng = seededRng(opts.seed);
  // Status and creator draw from their own sequence, so the rest of the data stays what it was for a seed.
  const extraRng = seededRng(opts.seed + 7_919);
  const n = opts.count;
  const { owners, contactsPer: CONTACTS_PER, activitiesPer: ACTIVITIES_PER } = opts;
  const c = {
    kind: [] as string[], name: [] as string[], shortName: [] as (string | null)[], level: [] as string[], industry: [] as (string | null)[],
    source: [] as (string | null)[], province: [] as string[], city: [] as string[], district: [] as string[], phone: [] as (string | null)[],
    mobile: [] as (string | null)[], owner: [] as (number | null)[], dept: [] as (number | null)[], hot: [] as boolean[],
    last: [] as (string | null)[], next: [] as (string | null)[], created: [] as string[], updated: [] as string[], search: [] as string[], nameSort: [] as string[],
    status: [] as string[], createdBy: [] as number[],
  };
  const contactsOf: { name: string; mobile: string; title: string }[][] = [];
  for (let i = 0; i < n; i++) {
    const isCompany = rng() < 0.8;
    const name = isCompany ? companyName(rng) : personName(rng);
    const short = isCompany ? shortNameOf(name) : null;
    const owner = rng() < 0.05 ? null : pick(rng, owners);
    const r = region(rng);
    const created = now - between(rng, 1, 730) * DAY;
    // Worked on up to 300 days after creation, and at the latest up to three days ago: not all at this minute.
    const latest = now - Math.floor(extraRng() * 3 * DAY);
    const updated = Math.max(created, Math.min(latest, created + between(rng, 0, 300) * DAY));
    const phone = isCompany ? landline(rng, r.areaCode) : null;
    const mob = isCompany ? null : mobile(rng);
    const people = Array.from({ length: isCompany ? CONTACTS_PER : 0 }, () => ({ name: personName(rng), mobile: mobile(rng), title: jobTitle(rng) }));
    contactsOf.push(people);
    c.kind.push(isCompany ? 'company' : 'person');
    c.name.push(name);
    c.nameSort.push(nameSortKey(name, isCompany ? 'company' : 'person'));
    c.status.push(weightedPick(extraRng, statusWeights));
    // A pool customer was once somebody's: one of the reps typed it in.
    c.createdBy.push(owner?.id ?? pick(extraRng, owners).id);
    c.shortName.push(short);
    c.level.push(pick(rng, levels));
    c.industry.push(industries.length ? pick(rng, industries) : null);
    c.source.push(sources.length ? pick(rng, sources) : null);
    c.province.push(r.province);
    c.city.push(r.city);
    c.district.push(r.district);
    c.phone.push(phone);
    c.mobile.push(mob);
    c.owner.push(owner?.id ?? null);
    c.dept.push(owner?.department_id ?? null);
    // A pool customer is nobody's 热点 (the draw is made either way, to keep the seed's sequence).
    c.hot.push(rng() < 0.01 && owner !== null);
    c.last.push(new Date(updated).toISOString());
    c.next.push(rng() < 0.3 ? new Date(now + between(rng, -10, 20) * DAY).toISOString() : null);
    c.created.push(new Date(created).toISOString());
    c.updated.push(new Date(updated).toISOString());
    c.search.push(buildSearchText({ name, shortName: short, phone, mobile: mob }, people.map((p) => ({ name: p.name, mobile: p.mobile, phone: null }))));
  }
  const ids = await rows<{ id: number }>(
    db,
    sql`insert into customers (kind, name, short_name, level, industry, source, province, city, district, phone, mobile, owner_id, department_id,
                               is_hot, hot_at, last_followup_at, next_contact_at, created_at, updated_at, search_text, name_sort, status, created_by, updated_by, pool_released_at, pool_reason)
        select kind, name, short_name, level, industry, source, province, city, district, phone, mobile, owner_id, department_id,
               hot, case when hot then updated_at end, last_followup_at, next_contact_at, created_at, updated_at, search_text, name_sort, status, created_by, created_by,
               case when owner_id is null then updated_at end, case when owner_id is null then '长期未跟进' end
          from unnest(${sqlArray(c.kind, 'text')}, ${sqlArray(c.name, 'text')}, ${sqlArray(c.shortName, 'text')}, ${sqlArray(c.level, 'text')}, ${sqlArray(c.industry, 'text')}, ${sqlArray(c.source, 'text')},
                      ${sqlArray(c.province, 'text')}, ${sqlArray(c.city, 'text')}, ${sqlArray(c.district, 'text')}, ${sqlArray(c.phone, 'text')}, ${sqlArray(c.mobile, 'text')},
                      ${sqlArray(c.owner, 'int')}, ${sqlArray(c.dept, 'int')}, ${sqlArray(c.hot, 'bool')}, ${sqlArray(c.last, 'timestamptz')}, ${sqlArray(c.next, 'timestamptz')},
                      ${sqlArray(c.created, 'timestamptz')}, ${sqlArray(c.updated, 'timestamptz')}, ${sqlArray(c.search, 'text')}, ${sqlArray(c.nameSort, 'text')},
                      ${sqlArray(c.status, 'text')}, ${sqlArray(c.createdBy, 'int')})
               as t(kind, name, short_name, level, industry, source, province, city, district, phone, mobile, owner_id, department_id,
                    hot, last_followup_at, next_contact_at, created_at, updated_at, search_text, name_sort, status, created_by)
        returning id`,
  );
  const k = { customer: [] as number[], name: [] as string[], mobile: [] as string[], title: [] as string[], primary: [] as boolean[] };
  const a = { customer: [] as number[], kind: [] as string[], content: [] as string[], at: [] as string[], user: [] as (number | null)[] };
  ids.forEach(({ id }, i) => {
    contactsOf[i].forEach((p, j) => {
      k.customer.push(id);
      k.name.push(p.name);
      k.mobile.push(p.mobile);
      k.title.push(p.title);
      k.primary.push(j === 0);
    });
    // The history lies between the customer's creation and its last follow-up, which is the newest entry.
    const created = Date.parse(c.created[i]);
    const last = Date.parse(c.updated[i]);
    for (let j = 0; j < ACTIVITIES_PER; j++) {
      a.customer.push(id);
      a.kind.push(pick(rng, ['call_out', 'call_in', 'visit', 'wechat', 'email', 'meeting', 'note']));
      a.content.push(followupText(rng));
      a.at.push(new Date(j === 0 ? last : created + rng() * (last - created)).toISOString());
      a.user.push(c.owner[i]);
    }
  });
  if (k.customer.length) {
    await db.execute(sql`insert into contacts (customer_id, name, mobile, title, is_primary)
      select * from unnest(${sqlArray(k.customer, 'bigint')}, ${sqlArray(k.name, 'text')}, ${sqlArray(k.mobile, 'text')}, ${sqlArray(k.title, 'text')}, ${sqlArray(k.primary, 'bool')})`);
  }
  if (a.customer.length) {
    await db.execute(sql`insert into activities (customer_id, kind, content, occurred_at, user_id)
      select * from unnest(${sqlArray(a.customer, 'bigint')}, ${sqlArray(a.kind, 'text')}, ${sqlArray(a.content, 'text')}, ${sqlArray(a.at, 'timestamptz')}, ${sqlArray(a.user, 'int')})`);
  }
  return ids.map((r) => r.id);
}

/** One of the values, each as likely as its weight (the weights add up to 1). */
function weightedPick<T>(rng: () => number, weighted: [T, number][]): T {
  let r = rng();
  for (const [value, weight] of weighted) {
    if (r < weight) return value;
    r -= weight;
  }
  return weighted[weighted.length - 1][0];
}
