import { Alert, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { useMe } from '../../../app/auth/session';
import { formatDateTime, inCompanyZone } from '../../../app/shared/format';
import { useReminders } from '../api/relations';
import PhoneLink from '../shared/PhoneLink';

/** 今日需联系 on the workbench: my customers due today, overdue ones first and marked; the counts open the same list. */
export default function RemindersWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reminders = useReminders();
  const me = useMe();
  if (reminders.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (reminders.isError) return <Alert type="error" showIcon title={errorMessage(reminders.error)} />;
  const items = reminders.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.widget.noReminders')} />;
  const startOfToday = inCompanyZone().startOf('day');
  return (
    <>
      <List
        size="small"
        dataSource={items.slice(0, 10)}
        rowKey="id"
        renderItem={(c) => {
          const overdue = !!c.nextContactAt && inCompanyZone(c.nextContactAt).isBefore(startOfToday);
          return (
            <List.Item style={{ cursor: 'pointer', paddingInline: 0 }} onClick={() => void navigate(`/customers/${c.id}?tab=activities`)}>
              <div style={{ minWidth: 0 }}>
                <Link to={`/customers/${c.id}?tab=activities`} onClick={(e) => e.stopPropagation()}>
                  {c.name}
                </Link>
                {overdue && (
                  <Tag color="error" style={{ marginInlineStart: 6 }}>
                    {t('customer.overdue')}
                  </Tag>
                )}
                <div>
                  <Typography.Text type="secondary">{t('customer.widget.due', { time: formatDateTime(c.nextContactAt) })}</Typography.Text>
                </div>
              </div>
              <PhoneLink value={c.phone ?? c.mobile ?? c.primaryContact?.mobile} />
            </List.Item>
          );
        }}
      />
      <Space size={16} wrap>
        <Link to={`/customers?scene=today&ownerId=${me.id}`}>{t('customer.widget.todayCount', { count: reminders.data?.todayTotal ?? 0 })}</Link>
        {(reminders.data?.overdueTotal ?? 0) > 0 && (
          <Link to={`/customers?scene=overdue&ownerId=${me.id}`}>{t('customer.widget.overdueCount', { count: reminders.data?.overdueTotal ?? 0 })}</Link>
        )}
      </Space>
    </>
  );
}
