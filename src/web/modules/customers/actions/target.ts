import type { Customer } from '../types';

/** What an action modal acts on: one customer (its own endpoint) or a selection (POST /customers/bulk). */
export interface ActionTarget {
  ids: number[];
  /** Set when acting on one customer from its view or row. */
  customer?: Customer;
  /** Names for the bulk result, by id. */
  names?: Map<number, string>;
}

export const isSingle = (target: ActionTarget): target is ActionTarget & { customer: Customer } => !!target.customer;
