import { StarFilled } from '@ant-design/icons';
import { Alert, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../app/api';
import { formatDate } from '../../../app/shared/format';
import { useCustomers } from '../api/customers';
import LevelTag from '../shared/LevelTag';

/** 热点客户 on the workbench: hot customers in the user's scope, each opening the customer view. */
export default function HotCustomersWidget() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCustomers({ scene: 'hot', page: 1, pageSize: 10, sort: 'updatedAt', order: 'desc' });
  if (list.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  const items = list.data?.items ?? [];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.widget.noHot')} />;
  return (
    <>
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        renderItem={(c) => (
          <List.Item style={{ cursor: 'pointer', paddingInline: 0 }} onClick={() => void navigate(`/customers/${c.id}`)}>
            {/* Two lines on every width: the name, then whose it is and when it was last followed up. */}
            <List.Item.Meta
              avatar={<StarFilled style={{ color: '#faad14' }} />}
              title={
                <Space size={6} wrap>
                  <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
                    {c.name}
                  </Link>
                  <LevelTag level={c.level} />
                </Space>
              }
              description={
                <Typography.Text type="secondary">
                  {[c.ownerName, c.lastFollowupAt ? t('customer.widget.lastFollowup', { date: formatDate(c.lastFollowupAt) }) : t('customer.widget.neverFollowedUp')]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Link to="/customers?scene=hot">{t('customer.widget.viewAll')}</Link>
    </>
  );
}
