import type { TFunction } from 'i18next';
import { parseAutoReturnReason, parseSystemPoolReason } from '../../../../common/customers';

/**
 * A pool reason as the reader's language says it: the ones the system writes (stored in Chinese) in
 * their words, a reason a user typed as typed.
 */
export function poolReasonText(t: TFunction, reason: string | null | undefined): string {
  if (!reason) return '';
  const auto = parseAutoReturnReason(reason);
  if (auto) return t(`customer.pool.autoReason.${auto.criterion}`, { count: auto.days });
  const system = parseSystemPoolReason(reason);
  return system ? t(`customer.pool.systemReason.${system}`) : reason;
}
