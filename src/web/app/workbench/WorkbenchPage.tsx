import { Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, usePermissions } from '../auth/session';
import { visibleWidgets } from '../registry/registry';
import { inCompanyZone } from '../shared/format';

/** Someone still at work after midnight is greeted as in the evening, not "good morning". */
function greetingKey(hour: number): string {
  if (hour < 5) return 'workbench.evening';
  if (hour < 11) return 'workbench.morning';
  if (hour < 13) return 'workbench.noon';
  if (hour < 18) return 'workbench.afternoon';
  return 'workbench.evening';
}

/** 工作台: a greeting and the widgets areas register, filtered by the user's permissions. */
export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { can } = usePermissions();
  const now = inCompanyZone().locale(i18n.language === 'en-US' ? 'en' : 'zh-cn');
  const widgets = visibleWidgets(can);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t(greetingKey(now.hour()), { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('workbench.today', { date: now.format(t('workbench.dateFormat')) })}</Typography.Paragraph>
      {widgets.length === 0 && <Empty description={t('workbench.noWidgets')} />}
      <Row gutter={[16, 16]}>
        {widgets.map((w) => {
          const Widget = w.component;
          return (
            <Col key={w.id} xs={24} md={w.span && w.span > 12 ? 24 : 12} xl={w.span ?? 8}>
              <Card title={t(w.titleKey)} style={{ height: '100%' }}>
                <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
                  <Widget />
                </Suspense>
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
