import { Alert, Empty, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { formatDateTime } from '../../../app/shared/format';
import { useReturnWarnings } from '../api/automation';

/** 即将回收 on the workbench: my customers an automatic return rule will send to the pool soon. */
export default function ReturnWarningsWidget() {
  const { t } = useTranslation();
  const warnings = useReturnWarnings();
  if (warnings.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (warnings.isError) return <Alert type="error" showIcon title={errorMessage(warnings.error)} />;
  const items = warnings.data?.items ?? [];
  // A customer already past its rule's limit goes with the next daily run, not at a date gone by.
  const now = Date.now();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.automation.noWarnings')} />;
  return (
    <>
      <List
        size="small"
        dataSource={items}
        rowKey="customerId"
        // Ten at a time; the rest (up to the 100 the server sends, soonest first) a page away.
        pagination={items.length > 10 ? { pageSize: 10, size: 'small', simple: true, align: 'end' } : false}
        renderItem={(w) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div style={{ minWidth: 0 }}>
              <Link to={`/customers/${w.customerId}?tab=activities`}>{w.name}</Link>
              <div>
                <Typography.Text type="warning">
                  {Date.parse(w.returnAt) <= now ? t('customer.automation.returnDue') : t('customer.automation.returnAt', { time: formatDateTime(w.returnAt) })}
                </Typography.Text>
                <Typography.Text type="secondary"> · {w.ruleName}</Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
      {(warnings.data?.total ?? 0) > 10 && <Typography.Text type="secondary">{t('customer.automation.moreWarnings', { count: warnings.data?.total })}</Typography.Text>}
    </>
  );
}
