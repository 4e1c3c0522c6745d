import { type SQL, sql } from 'drizzle-orm';

/**
 * Which customers an automatic return rule may spare (自动回收 … 除外). A rule lists the keys it
 * spares; each key is a condition on the customer (alias `c`) that holds when the customer stays.
 *
 * This module knows two: hot customers, and customers with a deal — for now the status 成交客户,
 * the only sign of a deal there is. Later areas register their own (open opportunities) or replace
 * `deal` with what their documents say (a won opportunity, an order); the rule's "no deal for N
 * days" criterion reads the same `deal` condition, so both stay one notion.
 */
export interface ReturnExemption {
  key: string;
  /** The web's i18n key for the label (the area that registers it owns the text). */
  labelKey: string;
  /** True for a customer `c` that the rule leaves with its owner. */
  spares: SQL;
}

export const DEAL_STATUS = 'deal';

const exemptions = new Map<string, ReturnExemption>();

/** Add an exemption, or replace the one with the same key; the returned function puts back what was there. */
export function registerReturnExemption(exemption: ReturnExemption): () => void {
  const previous = exemptions.get(exemption.key);
  exemptions.set(exemption.key, exemption);
  return () => {
    if (previous) exemptions.set(previous.key, previous);
    else exemptions.delete(exemption.key);
  };
}

export function listReturnExemptions(): { key: string; labelKey: string }[] {
  return [...exemptions.values()].map(({ key, labelKey }) => ({ key, labelKey }));
}

export function isReturnExemption(key: string): boolean {
  return exemptions.has(key);
}

/** The customer `c` has a deal (what "no deal for N days" and the `deal` exemption test). */
export function hasDeal(): SQL {
  return sql`coalesce((${exemptions.get('deal')!.spares}), false)`;
}

/**
 * True when rule `r` spares customer `c` through one of the exemptions it lists (never null: a
 * condition on a null column counts as false). Keys no longer registered spare nothing.
 */
export function sparedByRule(): SQL {
  const terms = [...exemptions.values()].map((e) => sql`(${e.key} = any(r.exemptions) and coalesce((${e.spares}), false))`);
  return terms.length ? sql`(${sql.join(terms, sql` or `)})` : sql`false`;
}

registerReturnExemption({ key: 'hot', labelKey: 'customer.automation.exemption.hot', spares: sql`c.is_hot` });
registerReturnExemption({ key: 'deal', labelKey: 'customer.automation.exemption.deal', spares: sql`c.status = ${DEAL_STATUS}` });
