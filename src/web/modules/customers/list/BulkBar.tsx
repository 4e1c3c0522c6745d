import { DeleteOutlined, DownloadOutlined, ExportOutlined, ShareAltOutlined, StarOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import ReleaseModal from '../actions/ReleaseModal';
import ShareModal from '../actions/ShareModal';
import type { ActionClose, ActionTarget } from '../actions/target';
import TransferModal from '../actions/TransferModal';
import { useBulkResult } from '../actions/useBulkResult';
import { useCustomerMutations } from '../api/customers';
import type { Customer } from '../types';

interface Props {
  selected: Customer[];
  /** After an action (or 取消选择): the ids still to keep selected, the ones that failed. */
  onDone: (keepIds?: number[]) => void;
  /** 导出所选: the page exports these customers with the columns it shows. */
  onExport: () => void;
  exporting: boolean;
}

/** The actions on the selected rows (POST /customers/bulk), each reporting what was done and what failed. */
export default function BulkBar({ selected, onDone, onExport, exporting }: Props) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { message, modal } = App.useApp();
  const { bulk } = useCustomerMutations();
  const showBulk = useBulkResult();
  const [transfer, setTransfer] = useState<ActionTarget | null>(null);
  const [share, setShare] = useState<ActionTarget | null>(null);
  const [release, setRelease] = useState<ActionTarget | null>(null);

  const target: ActionTarget = { ids: selected.map((c) => c.id), names: new Map(selected.map((c) => [c.id, c.name])) };
  const closeWith =
    (set: (v: null) => void): ActionClose =>
    (done, outcome) => {
      set(null);
      if (done) onDone(outcome?.failedIds);
    };
  const run = (action: 'hot' | 'unhot' | 'delete') =>
    bulk.mutateAsync({ action, ids: target.ids }).then(
      (result) => {
        showBulk(result, target.names);
        onDone(result.failed.map((f) => f.id));
      },
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const confirmDelete = () =>
    modal.confirm({
      title: t('customer.delete.confirmMany', { count: selected.length }),
      content: t('customer.delete.hint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run('delete'),
    });

  return (
    <Flex wrap gap={8} align="center" className="customer-bulk-bar">
      <Typography.Text strong>{t('customer.selected', { count: selected.length })}</Typography.Text>
      {can('customer.transfer') && (
        <Button icon={<SwapOutlined />} onClick={() => setTransfer(target)}>
          {t('customer.action.transfer')}
        </Button>
      )}
      {can('customer.share') && (
        <Button icon={<ShareAltOutlined />} onClick={() => setShare(target)}>
          {t('customer.action.share')}
        </Button>
      )}
      {can('customer.pool') && (
        <Button icon={<ExportOutlined />} onClick={() => setRelease(target)}>
          {t('customer.action.release')}
        </Button>
      )}
      {can('customer.update') && (
        <Dropdown
          menu={{
            items: [
              { key: 'hot', label: t('customer.markHot'), onClick: () => void run('hot') },
              { key: 'unhot', label: t('customer.unmarkHot'), onClick: () => void run('unhot') },
            ],
          }}
        >
          <Button icon={<StarOutlined />} loading={bulk.isPending}>
            {t('customer.hot')}
          </Button>
        </Dropdown>
      )}
      {can('customer.export') && (
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {t('customer.importExport.exportSelected')}
        </Button>
      )}
      {can('customer.delete') && (
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
          {t('common.delete')}
        </Button>
      )}
      <Button type="link" onClick={() => onDone()}>
        {t('customer.clearSelection')}
      </Button>
      <TransferModal target={transfer} onClose={closeWith(setTransfer)} />
      <ShareModal target={share} onClose={closeWith(setShare)} />
      <ReleaseModal target={release} onClose={closeWith(setRelease)} />
    </Flex>
  );
}
