import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { autoReturnReason, systemPoolReasons } from '../../../../common/customers';
import { poolReasonText } from './poolReason';

const t = ((key: string, options?: { count: number }) => (options ? `${key}:${options.count}` : key)) as unknown as TFunction;

describe('poolReasonText', () => {
  it('says the automatic return’s reasons in the reader’s words, with their days', () => {
    expect(poolReasonText(t, autoReturnReason('followup', 30))).toBe('customer.pool.autoReason.followup:30');
    expect(poolReasonText(t, autoReturnReason('deal', 1))).toBe('customer.pool.autoReason.deal:1');
  });

  it('says the reasons the system writes for customers that start in the pool in the reader’s words', () => {
    expect(poolReasonText(t, systemPoolReasons.imported)).toBe('customer.pool.systemReason.imported');
    expect(poolReasonText(t, systemPoolReasons.created)).toBe('customer.pool.systemReason.created');
    expect(poolReasonText(t, `${systemPoolReasons.imported}（旧系统）`)).toBe(`${systemPoolReasons.imported}（旧系统）`);
  });

  it('keeps a reason a user typed, even one that starts like the automatic one', () => {
    expect(poolReasonText(t, '长期无需求')).toBe('长期无需求');
    expect(poolReasonText(t, '自动回收：超过 30 天未跟进，客户已搬迁')).toBe('自动回收：超过 30 天未跟进，客户已搬迁');
    expect(poolReasonText(t, null)).toBe('');
  });
});
