import type { TFunction } from 'i18next';
import { parseAutoReturnReason } from '../../../../common/customers';

/**
 * A pool reason as the reader's language says it: the automatic return's (stored in Chinese) in
 * their words, a reason a user typed as typed.
 */
export function poolReasonText(t: TFunction, reason: string | null | undefined): string {
  if (!reason) return '';
  const auto = parseAutoReturnReason(reason);
  return auto ? t(`customer.pool.autoReason.${auto.criterion}`, { count: auto.days }) : reason;
}
