import {
  CalendarOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api';
import { formatDateTime } from '../../../app/shared/format';
import { useActivities } from '../api/relations';
import type { Activity, ActivityKind } from '../types';
import ActivityForm from './ActivityForm';
import { poolReasonText } from '../shared/poolReason';

const ICONS: Record<ActivityKind, ReactNode> = {
  call_in: <PhoneOutlined />,
  call_out: <PhoneOutlined rotate={90} />,
  visit: <EnvironmentOutlined />,
  email: <MailOutlined />,
  sms: <MessageOutlined />,
  wechat: <WechatOutlined />,
  meeting: <TeamOutlined />,
  note: <CommentOutlined />,
  system: <SettingOutlined />,
};

/** The human-readable extras of a system event (who from, who to, why, what changed). */
function eventDetails(a: Activity, t: TFunction): string[] {
  const p = a.params ?? {};
  const str = (key: string) => (typeof p[key] === 'string' && p[key] !== '' ? (p[key] as string) : undefined);
  const out: string[] = [];
  const from = str('fromUserName');
  const to = str('toUserName');
  if (from) out.push(t('customer.eventParam.from', { name: from }));
  if (to) out.push(t('customer.eventParam.to', { name: to }));
  if (a.event === 'created' && str('ownerName')) out.push(t('customer.eventParam.owner', { name: str('ownerName') }));
  if (a.event === 'created' && p.toPool === true) out.push(t('customer.eventParam.toPool'));
  if ((a.event === 'shared' || a.event === 'unshared') && str('userName')) {
    const access = str('access');
    const member = t('customer.eventParam.user', { name: str('userName') });
    out.push(access ? t('common.withNote', { text: member, note: t(`customer.access.${access}`) }) : member);
  }
  if (a.event === 'updated' && Array.isArray(p.fields) && p.fields.length > 0) {
    const names = (p.fields as unknown[]).map((f) => t(`customer.field.${String(f)}`, { defaultValue: String(f) }));
    out.push(t('customer.eventParam.fields', { fields: names.join(t('common.listSeparator')) }));
  }
  // 发邮件 / 发短信: who it went to; the gateway's answer for a text message.
  if ((a.kind === 'email' || a.event === 'email_failed') && str('to')) out.push(t('customer.messaging.recipientLine', { to: str('to') }));
  if ((a.kind === 'sms' || a.event === 'sms_failed') && str('mobile')) out.push(t('customer.messaging.mobileLine', { mobile: str('mobile') }));
  if (a.kind === 'sms' && typeof p.status === 'number') out.push(t('customer.messaging.gatewayLine', { status: p.status, answer: str('answer') ?? '' }));
  if (a.event === 'email_failed' && str('subject')) out.push(t('common.labelValue', { label: t('customer.messaging.subject'), value: str('subject') }));
  if (a.event === 'sms_failed' && str('content')) out.push(t('common.labelValue', { label: t('customer.messaging.content'), value: str('content') }));
  if ((a.event === 'attachment_added' || a.event === 'attachment_deleted') && str('fileName')) out.push(t('customer.eventParam.fileName', { name: str('fileName') }));
  if (str('reason')) out.push(t('customer.eventParam.reason', { reason: poolReasonText(t, str('reason')) }));
  return out;
}

function ActivityEntry({ a, t }: { a: Activity; t: TFunction }) {
  const system = a.kind === 'system';
  return (
    <div>
      <Space size={[8, 0]} wrap>
        {system ? (
          <Typography.Text strong>{t(`customer.event.${a.event ?? 'updated'}`, { defaultValue: a.event ?? '' })}</Typography.Text>
        ) : (
          <Tag color="blue">{t(`customer.activityKind.${a.kind}`)}</Tag>
        )}
        <Typography.Text type="secondary">
          {formatDateTime(a.occurredAt)} · {a.userName ?? t('customer.activity.system')}
          {a.contactName ? ` · ${a.contactName}` : ''}
        </Typography.Text>
      </Space>
      {(system || a.kind === 'email' || a.kind === 'sms') && eventDetails(a, t).map((line) => <div key={line}><Typography.Text type="secondary">{line}</Typography.Text></div>)}
      {a.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{a.content}</Typography.Paragraph>}
      {a.nextContactAt && (
        <Typography.Text type="warning">
          <CalendarOutlined /> {t('customer.activity.nextContact', { time: formatDateTime(a.nextContactAt) })}
        </Typography.Text>
      )}
    </div>
  );
}

/** 行动历史: the add form, then the timeline (system events in grey), newest first. */
export default function ActivitiesTab({ customerId, canWrite, focusSignal }: { customerId: number; canWrite: boolean; focusSignal: number }) {
  const { t } = useTranslation();
  const activities = useActivities(customerId);
  const items = activities.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      {canWrite && (
        <Card size="small" title={t('customer.activity.add')} style={{ marginBottom: 24 }}>
          <ActivityForm customerId={customerId} focusSignal={focusSignal} />
        </Card>
      )}
      {activities.isLoading && <Spin />}
      {activities.isError && <Alert type="error" showIcon title={errorMessage(activities.error)} />}
      {activities.isSuccess && items.length === 0 && <Empty description={t('customer.activity.empty')} />}
      <Timeline
        items={items.map((a) => ({
          key: a.id,
          color: a.event?.endsWith('_failed') ? 'red' : a.kind === 'system' ? 'gray' : 'blue',
          icon: ICONS[a.kind],
          content: <ActivityEntry a={a} t={t} />,
        }))}
      />
      {activities.hasNextPage && (
        <Button block onClick={() => void activities.fetchNextPage()} loading={activities.isFetchingNextPage}>
          {t('customer.activity.loadMore')}
        </Button>
      )}
    </>
  );
}
