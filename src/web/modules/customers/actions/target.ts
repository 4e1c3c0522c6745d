import type { TFunction } from 'i18next';
import type { Customer } from '../types';

/** What an action modal acts on: one customer (its own endpoint) or a selection (POST /customers/bulk). */
export interface ActionTarget {
  ids: number[];
  /** Set when acting on one customer from its view or row. */
  customer?: Customer;
  /** Names for the bulk result, by id. */
  names?: Map<number, string>;
}

/**
 * How an action modal closes: `done` when it acted; for a selection, the ids that failed (kept
 * selected, to retry); for one transfer, the customer as it now is.
 */
export type ActionClose = (done: boolean, outcome?: { failedIds?: number[]; transferred?: Customer }) => void;

export const isSingle = (target: ActionTarget): target is ActionTarget & { customer: Customer } => !!target.customer;

/** "转移：某公司" for one customer, "转移 3 个客户" for a selection (keys customer.<action>.title / titleMany). */
export function actionTitle(t: TFunction, action: 'transfer' | 'share' | 'release', target: ActionTarget | null): string {
  if (target && isSingle(target)) return t('common.labelValue', { label: t(`customer.${action}.title`), value: target.customer.name });
  return t(`customer.${action}.titleMany`, { count: target?.ids.length ?? 0 });
}
