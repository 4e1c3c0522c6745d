import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type BulkInput, useCustomerMutations } from '../api/customers';
import type { BulkResult } from '../types';
import type { ActionClose, ActionTarget } from './target';

/** Shows a bulk action's outcome: a toast when all went through, otherwise what failed and why. */
export function useBulkResult() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return useCallback(
    (result: BulkResult, names?: Map<number, string>) => {
      if (result.failed.length === 0) {
        void message.success(t('customer.bulk.done', { count: result.done }));
        return;
      }
      modal.warning({
        title: t('customer.bulk.partialTitle', { done: result.done, failed: result.failed.length }),
        content: (
          <ul style={{ paddingInlineStart: 20, margin: 0, maxHeight: 320, overflow: 'auto' }}>
            {result.failed.map((f) => (
              <li key={f.id}>
                <Typography.Text>{t('customer.bulk.failedItem', { name: names?.get(f.id) ?? `#${f.id}`, message: f.message })}</Typography.Text>
              </li>
            ))}
          </ul>
        ),
      });
    },
    [message, modal, t],
  );
}

/**
 * The selection half of every action modal (转移, 共享, 放入公海): POST /customers/bulk for the
 * target's ids, then the per-customer outcome, then close, naming the ids that failed.
 */
export function useBulkAction(onClose: ActionClose, onError: (err: unknown) => void) {
  const showBulk = useBulkResult();
  const { bulk } = useCustomerMutations();
  const run = (target: ActionTarget, body: Omit<BulkInput, 'ids'>) =>
    bulk.mutate(
      { ...body, ids: target.ids },
      {
        onSuccess: (result) => {
          showBulk(result, target.names);
          onClose(true, { failedIds: result.failed.map((f) => f.id) });
        },
        onError,
      },
    );
  return { run, isPending: bulk.isPending };
}
