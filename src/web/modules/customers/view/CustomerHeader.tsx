import {
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  MoreOutlined,
  ShareAltOutlined,
  StarFilled,
  StarOutlined,
  SwapOutlined,
  MessageOutlined,
  MailOutlined,
  MobileOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../../app/layout/useIsMobile';
import { useDictLabel } from '../api/dictionaries';
import type { useCustomerAbilities } from '../shared/access';
import LevelTag from '../shared/LevelTag';
import type { Customer } from '../types';
import { poolReasonText } from '../shared/poolReason';

export type HeaderAction = 'followUp' | 'transfer' | 'share' | 'release' | 'edit' | 'delete' | 'claim' | 'assign' | 'email' | 'sms';

interface Props {
  customer: Customer;
  abilities: ReturnType<typeof useCustomerAbilities>;
  hotPending: boolean;
  onToggleHot: () => void;
  onAction: (action: HeaderAction) => void;
}

/** The customer view's header: name, level, hot star, owner, and the quick actions. */
export default function CustomerHeader({ customer: c, abilities: can, hotPending, onToggleHot, onAction }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const dictLabel = useDictLabel();

  const all: { key: HeaderAction; icon: React.ReactNode; show: boolean; danger?: boolean; primary?: boolean }[] = [
    { key: 'claim', icon: <ExportOutlined />, show: can.claim, primary: true },
    { key: 'assign', icon: <SwapOutlined />, show: can.assign },
    { key: 'followUp', icon: <MessageOutlined />, show: can.followUp, primary: true },
    { key: 'email', icon: <MailOutlined />, show: can.followUp },
    { key: 'sms', icon: <MobileOutlined />, show: can.followUp },
    { key: 'edit', icon: <EditOutlined />, show: can.edit },
    { key: 'transfer', icon: <SwapOutlined />, show: can.transfer },
    { key: 'share', icon: <ShareAltOutlined />, show: can.share },
    { key: 'release', icon: <ExportOutlined />, show: can.release },
    { key: 'delete', icon: <DeleteOutlined />, show: can.delete, danger: true },
  ];
  const visible = all.filter((a) => a.show);
  const inline = isMobile ? visible.slice(0, 2) : visible;
  const rest = isMobile ? visible.slice(2) : [];
  const menu: MenuProps['items'] = rest.map((a) => ({ key: a.key, icon: a.icon, danger: a.danger, label: t(`customer.action.${a.key}`) }));

  return (
    <div className="customer-view-header">
      <div style={{ minWidth: 0 }}>
        <div className="customer-view-title">
          <Typography.Title level={4}>{c.name}</Typography.Title>
          <Tooltip title={c.isHot ? t('customer.unmarkHot') : t('customer.markHot')}>
            <Button
              type="text"
              size="small"
              aria-label={c.isHot ? t('customer.unmarkHot') : t('customer.markHot')}
              aria-pressed={c.isHot}
              disabled={!can.hot}
              loading={hotPending}
              icon={c.isHot ? <StarFilled style={{ color: '#faad14', fontSize: 18 }} /> : <StarOutlined style={{ fontSize: 18 }} />}
              onClick={onToggleHot}
            />
          </Tooltip>
          <LevelTag level={c.level} />
          <Tag>{t(`customer.kind.${c.kind}`)}</Tag>
          {c.status && <Tag color="processing">{dictLabel('status', c.status)}</Tag>}
          {c.inPool && <Tag color="warning">{t('customer.inPool')}</Tag>}
          {c.access === 'read_share' && <Tag>{t('customer.readOnly')}</Tag>}
        </div>
        <Typography.Text type="secondary">
          {c.inPool
            ? t('common.labelValue', { label: t('customer.field.poolReason'), value: poolReasonText(t, c.poolReason) || '—' })
            : `${t('common.labelValue', { label: t('customer.field.owner'), value: c.ownerName ?? '—' })}${c.departmentName ? ` · ${c.departmentName}` : ''}`}
        </Typography.Text>
      </div>
      <Space wrap size={8}>
        {inline.map((a) => (
          <Button key={a.key} icon={a.icon} danger={a.danger} type={a.primary ? 'primary' : 'default'} onClick={() => onAction(a.key)}>
            {t(`customer.action.${a.key}`)}
          </Button>
        ))}
        {menu.length > 0 && (
          <Dropdown menu={{ items: menu, onClick: ({ key }) => onAction(key as HeaderAction) }} trigger={['click']}>
            <Button icon={<MoreOutlined />}>{t('customer.action.more')}</Button>
          </Dropdown>
        )}
      </Space>
    </div>
  );
}
