import { usePermissions } from '../../../app/auth/session';
import type { Customer } from '../types';

/** What the UI offers on one customer; the server still decides. */
export function useCustomerAbilities(customer: Customer | undefined) {
  const { can } = usePermissions();
  const ownerSide = customer?.access === 'scope' && !customer.inPool;
  const writable = !!customer && !customer.inPool && (customer.access === 'scope' || customer.access === 'write_share');
  return {
    edit: writable && can('customer.update'),
    followUp: writable && can('customer.update'),
    hot: writable && can('customer.update'),
    transfer: ownerSide && can('customer.transfer'),
    share: ownerSide && can('customer.share'),
    release: ownerSide && can('customer.pool'),
    delete: customer?.access === 'scope' && can('customer.delete'),
    claim: !!customer?.inPool && can('customer.pool'),
    assign: !!customer?.inPool && can('customer.assign'),
  };
}
