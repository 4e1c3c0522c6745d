import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../app/api';
import { useCustomerMutations } from '../api/customers';
import type { Customer } from '../types';

/** 领取 with a confirmation; someone faster (409) or a rule (limit, reclaim block) is shown plainly, and lists refresh. */
export function useClaim() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { claim } = useCustomerMutations();
  return useCallback(
    (customer: Customer, onClaimed?: (c: Customer) => void) =>
      modal.confirm({
        title: t('customer.pool.claimConfirm', { name: customer.name }),
        okText: t('customer.action.claim'),
        cancelText: t('common.cancel'),
        onOk: () =>
          claim.mutateAsync(customer.id).then(
            (c) => {
              void message.success(t('customer.pool.claimed'));
              onClaimed?.(c);
            },
            (err: unknown) => {
              if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
                modal.warning({ title: t('customer.pool.claimFailed'), content: err.message });
              } else {
                void message.error(errorMessage(err));
              }
            },
          ),
      }),
    [claim, message, modal, t],
  );
}
