import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../app/shared/format';
import type { Customer } from '../types';

/**
 * Why the user who released `customer` to the pool may not claim it back yet (客户规则's
 * 原负责人再次领取需间隔, as the server applies it), or undefined when they may.
 */
export function reclaimRefusal(t: TFunction, customer: Customer, userId: number, blockDays: number | undefined): string | undefined {
  if (!blockDays || blockDays <= 0 || customer.previousOwnerId !== userId || !customer.poolReleasedAt) return undefined;
  // In hours, as the server counts (days of 24 h, whatever the clocks do).
  const until = dayjs(customer.poolReleasedAt).add(blockDays * 24, 'hour');
  if (!until.isAfter(dayjs())) return undefined;
  return t('customer.pool.reclaimBlocked', { count: blockDays, until: formatDate(until.toISOString()) });
}
