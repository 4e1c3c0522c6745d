import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Skeleton, Spin, Tabs } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../app/api';
import { usePermissions } from '../../../app/auth/session';
import { useMenuHighlight } from '../../../app/layout/menuHighlight';
import RecordHistory from '../../../app/shared/audit/RecordHistory';
import { useCustomer, useCustomerMutations } from '../api/customers';
import '../customers.css';
import { useCustomerAbilities } from '../shared/access';
import { customerViewTabs } from '../tabs';
import ActivitiesTab from './ActivitiesTab';
import ContactsTab from './ContactsTab';
import CustomerHeader from './CustomerHeader';
import ProfileTab from './ProfileTab';
import TeamTab from './TeamTab';
import { useViewActions } from './ViewActions';

/** 客户视图: the header with quick actions, then 概况, 联系人, 行动历史, 团队成员, 操作记录 and tabs other areas add. */
export default function CustomerViewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const customer = useCustomer(id);
  const c = customer.data;
  const abilities = useCustomerAbilities(c);
  const { hot } = useCustomerMutations();
  const [focusSignal, setFocusSignal] = useState(0);
  const tab = params.get('tab') ?? 'overview';
  const setTab = (key: string) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true });
  const { run, modals } = useViewActions(c, () => {
    setTab('activities');
    setFocusSignal((n) => n + 1);
  });
  // A pool customer belongs to 客户池 in the menu, as its back link does.
  useMenuHighlight(c?.inPool ? '/pool' : undefined);

  if (customer.isLoading) return <Card><Skeleton active /></Card>;
  if (!c) {
    const missing = customer.error instanceof ApiError && (customer.error.status === 404 || customer.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'warning'}
        title={missing || !Number.isFinite(id) ? t('customer.notFound') : errorMessage(customer.error)}
        extra={
          <Link to="/customers">
            <Button type="primary">{t('customer.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const toggleHot = () =>
    hot.mutate(
      { id: c.id, hot: !c.isHot },
      {
        onSuccess: (saved) => void message.success(saved.isHot ? t('customer.markedHot') : t('customer.unmarkedHot')),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const extraTabs = customerViewTabs
    .filter((x) => can(x.permission))
    .sort((a, b) => a.order - b.order)
    .map((x) => {
      const Tab = x.component;
      return {
        key: x.key,
        label: t(x.labelKey),
        children: (
          <Suspense fallback={<Spin />}>
            <Tab customer={c} />
          </Suspense>
        ),
      };
    });

  return (
    <>
      {/* A pool customer was found in the pool: back leads there. */}
      <Link to={c.inPool ? '/pool' : '/customers'} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t(c.inPool ? 'customer.backToPool' : 'customer.backToList')}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <CustomerHeader customer={c} abilities={abilities} hotPending={hot.isPending} onToggleHot={toggleHot} onAction={run} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'overview', label: t('customer.view.overview'), children: <ProfileTab customer={c} /> },
            { key: 'contacts', label: t('customer.view.contacts'), children: <ContactsTab customer={c} canEdit={abilities.edit} /> },
            {
              key: 'activities',
              label: t('customer.view.activities'),
              children: <ActivitiesTab customerId={c.id} canWrite={abilities.followUp} focusSignal={focusSignal} />,
            },
            { key: 'team', label: t('customer.view.team'), children: <TeamTab customerId={c.id} canManage={abilities.share} /> },
            ...extraTabs,
            { key: 'history', label: t('customer.view.history'), children: <RecordHistory entityType="customer" entityId={c.id} /> },
          ]}
        />
      </Card>
      {modals}
    </>
  );
}
