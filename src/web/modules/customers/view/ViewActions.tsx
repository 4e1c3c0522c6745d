import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { useMe } from '../../../app/auth/session';
import ReleaseModal from '../actions/ReleaseModal';
import ShareModal from '../actions/ShareModal';
import type { ActionTarget } from '../actions/target';
import TransferModal from '../actions/TransferModal';
import { useCustomerMutations } from '../api/customers';
import { useCustomerSettings } from '../api/dictionaries';
import { useMessagingAvailability } from '../api/messaging';
import CustomerFormDrawer from '../form/CustomerFormDrawer';
import AssignModal from '../pool/AssignModal';
import { reclaimRefusal } from '../pool/reclaim';
import { useClaim } from '../pool/useClaim';
import type { Customer } from '../types';
import type { HeaderAction } from './CustomerHeader';
import { EmailModal, SmsModal } from './MessageModals';

/** The modals behind the view's quick actions; `run(action)` opens or performs one. */
export function useViewActions(customer: Customer | undefined, onFollowUp: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { remove } = useCustomerMutations();
  const claim = useClaim();
  const [editing, setEditing] = useState(false);
  const [transfer, setTransfer] = useState<ActionTarget | null>(null);
  const [share, setShare] = useState<ActionTarget | null>(null);
  const [release, setRelease] = useState<ActionTarget | null>(null);
  const [assigning, setAssigning] = useState<Customer | null>(null);
  const [composing, setComposing] = useState<'email' | 'sms' | null>(null);
  const messaging = useMessagingAvailability();
  // Only a pool customer's 领取 needs the rules (how long a releaser waits).
  const settings = useCustomerSettings(!!customer?.inPool);
  const me = useMe();

  const run = (action: HeaderAction) => {
    if (!customer) return;
    const target = { ids: [customer.id], customer };
    if (action === 'followUp') onFollowUp();
    else if (action === 'edit') setEditing(true);
    else if (action === 'transfer') setTransfer(target);
    else if (action === 'share') setShare(target);
    else if (action === 'release') setRelease(target);
    else if (action === 'assign') setAssigning(customer);
    else if (action === 'claim') {
      const refusal = reclaimRefusal(t, customer, me.id, settings.data?.reclaimBlockDays);
      if (refusal) void message.warning(refusal);
      else claim(customer);
    }
    else if (action === 'email' || action === 'sms') {
      // Not set up: say so now, not after the message is written (a rep cannot open the settings).
      if (messaging.data?.[action] === false) void message.warning(t(`customer.messaging.${action}Unavailable`));
      else setComposing(action);
    }
    else if (action === 'delete')
      modal.confirm({
        title: t('customer.delete.confirm', { name: customer.name }),
        content: t('customer.delete.hint'),
        okText: t('common.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () =>
          remove.mutateAsync(customer.id).then(
            () => {
              void message.success(t('customer.delete.done'));
              void navigate('/customers', { replace: true });
            },
            (err: unknown) => void message.error(errorMessage(err)),
          ),
      });
  };

  const modals = customer && (
    <>
      <CustomerFormDrawer open={editing} customer={customer} onClose={() => setEditing(false)} />
      <TransferModal
        target={transfer}
        onClose={(_, outcome) => {
          const transferred = outcome?.transferred;
          setTransfer(null);
          // Handed to someone outside the user's scope: the view has nothing left to show them.
          if (transferred && transferred.access === null) void navigate('/customers', { replace: true });
        }}
      />
      <ShareModal target={share} onClose={() => setShare(null)} />
      <ReleaseModal target={release} onClose={() => setRelease(null)} />
      <AssignModal customer={assigning} onClose={() => setAssigning(null)} />
      <EmailModal customer={customer} open={composing === 'email'} onClose={() => setComposing(null)} />
      <SmsModal customer={customer} open={composing === 'sms'} onClose={() => setComposing(null)} />
    </>
  );
  return { run, modals };
}
