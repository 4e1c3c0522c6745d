import { Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe, usePermissions } from '../../../app/auth/session';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { formatDateTime } from '../../../app/shared/format';
import ListTable from '../../../app/shared/list/ListTable';
import { useListState } from '../../../app/shared/list/useListState';
import { usePool, type PoolParams } from '../api/customers';
import { useDictLabel } from '../api/dictionaries';
import '../customers.css';
import { CustomerName } from '../list/customerColumns';
import DictSelect from '../shared/DictSelect';
import LevelTag from '../shared/LevelTag';
import { regionText } from '../shared/regions';
import type { Customer } from '../types';
import AssignModal from './AssignModal';
import { reclaimRefusal } from './reclaim';
import { useClaim } from './useClaim';
import SearchBox from '../../../app/shared/list/SearchBox';
import { poolReasonText } from '../shared/poolReason';

type PoolFilters = Omit<PoolParams, 'page' | 'pageSize'>;

/** 客户池 (公海): customers without an owner; 领取 for oneself, 分配 to someone for managers. */
export default function PoolPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const dict = useDictLabel();
  const claim = useClaim();
  const state = useListState<PoolFilters>({ remember: 'pool' });
  const [assigning, setAssigning] = useState<Customer | null>(null);
  const list = usePool(state.params);
  const quota = list.data && { claimsToday: list.data.claimsToday, dailyClaimLimit: list.data.dailyClaimLimit };
  // Used up today: 领取 says so before anyone confirms a claim the server would refuse.
  const limitReached = !!quota && quota.dailyClaimLimit > 0 && quota.claimsToday >= quota.dailyClaimLimit;
  const set = (patch: PoolFilters) => state.setFilters((f) => ({ ...f, ...patch }));

  const actionsColumn: ColumnsType<Customer>[number] = {
    title: t('common.actions'),
    key: 'actions',
    width: 130,
    fixed: isMobile ? undefined : 'right',
    render: (_, c) => {
      const refusal =
        reclaimRefusal(t, c, me.id, list.data?.reclaimBlockDays) ?? (limitReached ? t('customer.pool.limitReached', { limit: quota.dailyClaimLimit }) : undefined);
      return (
        <Space size={0}>
          {refusal ? (
            <Tooltip title={refusal}>
              <Button type="link" size="small" disabled>
                {t('customer.action.claim')}
              </Button>
            </Tooltip>
          ) : (
            <Button type="link" size="small" onClick={() => claim(c, (claimed) => void navigate(`/customers/${claimed.id}`))}>
              {t('customer.action.claim')}
            </Button>
          )}
          {can('customer.assign') && (
            <Button type="link" size="small" onClick={() => setAssigning(c)}>
              {t('customer.action.assign')}
            </Button>
          )}
        </Space>
      );
    },
  };
  const columns: ColumnsType<Customer> = [
    { title: t('customer.field.name'), key: 'name', width: isMobile ? 150 : 220, fixed: 'left', className: 'customer-name-cell', render: (_, c) => <CustomerName customer={c} /> },
    // On a phone 领取 sits beside the name instead of at the far end of a sideways scroll.
    ...(isMobile ? [actionsColumn] : []),
    { title: t('customer.field.level'), dataIndex: 'level', key: 'level', width: 70, render: (v: string | null) => (v ? <LevelTag level={v} /> : '—') },
    { title: t('customer.field.industry'), dataIndex: 'industry', key: 'industry', width: 100, render: (v: string | null) => dict('industry', v) || '—' },
    { title: t('customer.field.region'), key: 'region', width: 140, responsive: ['lg'], render: (_, c) => regionText(c) || '—' },
    { title: t('customer.field.poolReason'), dataIndex: 'poolReason', key: 'reason', width: 200, render: (v: string | null) => poolReasonText(t, v) || '—' },
    { title: t('customer.field.poolReleasedAt'), dataIndex: 'poolReleasedAt', key: 'releasedAt', width: 140, render: formatDateTime },
    { title: t('customer.field.lastFollowupAt'), dataIndex: 'lastFollowupAt', key: 'last', width: 140, responsive: ['xxl'], render: formatDateTime },
    ...(isMobile ? [] : [actionsColumn]),
  ];

  return (
    <Card>
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customer.pool.title')}
        </Typography.Title>
        {quota && (
          <Typography.Text type={quota.dailyClaimLimit > 0 && quota.claimsToday >= quota.dailyClaimLimit ? 'warning' : 'secondary'} data-testid="claim-quota">
            {quota.dailyClaimLimit > 0
              ? t('customer.pool.quota', { claimed: quota.claimsToday, limit: quota.dailyClaimLimit, left: Math.max(0, quota.dailyClaimLimit - quota.claimsToday) })
              : t('customer.pool.quotaUnlimited', { claimed: quota.claimsToday })}
          </Typography.Text>
        )}
      </Flex>
      <div className="page-toolbar">
        <SearchBox className="customer-search" label={t('customer.pool.search')} defaultValue={state.filters.q} onSearch={(q) => set({ q })} />
        <DictSelect type="level" value={state.filters.level} onChange={(level) => set({ level: level ?? undefined })} aria-label={t('customer.field.level')} />
        <DictSelect type="industry" value={state.filters.industry} onChange={(industry) => set({ industry: industry ?? undefined })} aria-label={t('customer.field.industry')} />
      </div>
      <ListTable<Customer> className="customer-table" list={list} state={state} columns={columns} empty={t('customer.pool.empty')} />
      <AssignModal customer={assigning} onClose={() => setAssigning(null)} />
    </Card>
  );
}
