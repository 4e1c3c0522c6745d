import dayjs from 'dayjs';
import type { Customer } from '../types';

/**
 * Until when a user who released `customer` to the pool may not claim it back (客户规则's
 * 原负责人再次领取需间隔, as the server applies it), or undefined when they may.
 */
export function reclaimBlockedUntil(customer: Customer, userId: number, blockDays: number | undefined): string | undefined {
  if (!blockDays || blockDays <= 0 || customer.previousOwnerId !== userId || !customer.poolReleasedAt) return undefined;
  // In hours, as the server counts (days of 24 h, whatever the clocks do).
  const until = dayjs(customer.poolReleasedAt).add(blockDays * 24, 'hour');
  return until.isAfter(dayjs()) ? until.toISOString() : undefined;
}
