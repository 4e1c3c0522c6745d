import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/shared/format';
import { useDictLabel } from '../api/dictionaries';
import { NextContact } from '../list/customerColumns';
import PhoneLink from '../shared/PhoneLink';
import { regionText } from '../shared/regions';
import type { Customer } from '../types';
import { poolReasonText } from '../shared/poolReason';

/** 概况: the profile, follow-up state and (for pool customers) why they are in the pool. */
export default function ProfileTab({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const dict = useDictLabel();
  const f = (key: string) => t(`customer.field.${key}`);
  const text = (v: string | null | undefined) => v || '—';
  const company = c.kind === 'company';

  const basic = [
    { key: 'name', label: company ? f('name') : f('personName'), children: c.name },
    ...(company
      ? [
          { key: 'shortName', label: f('shortName'), children: text(c.shortName) },
          { key: 'phone', label: f('phone'), children: <PhoneLink value={c.phone} icon /> },
          { key: 'industry', label: f('industry'), children: text(dict('industry', c.industry)) },
          { key: 'scale', label: f('scale'), children: text(dict('scale', c.scale)) },
        ]
      : [
          { key: 'gender', label: f('gender'), children: c.gender ? t(`customer.gender.${c.gender}`) : '—' },
          { key: 'mobile', label: f('mobile'), children: <PhoneLink value={c.mobile} icon /> },
          { key: 'phone', label: f('phone'), children: <PhoneLink value={c.phone} icon /> },
          { key: 'wechat', label: f('wechat'), children: text(c.wechat) },
          { key: 'birthday', label: f('birthday'), children: text(c.birthday) },
        ]),
    { key: 'source', label: f('source'), children: text(dict('source', c.source)) },
    { key: 'level', label: f('level'), children: text(dict('level', c.level)) },
    { key: 'status', label: f('status'), children: text(dict('status', c.status)) },
    { key: 'region', label: f('region'), children: text(regionText(c)) },
    { key: 'address', label: f('address'), children: text(c.address), span: 2 },
    ...(company
      ? [
          {
            key: 'website',
            label: f('website'),
            children: c.website ? (
              <Typography.Link href={/^https?:\/\//i.test(c.website) ? c.website : `https://${c.website}`} target="_blank" rel="noopener noreferrer">
                {c.website}
              </Typography.Link>
            ) : (
              '—'
            ),
          },
          { key: 'creditCode', label: f('creditCode'), children: text(c.creditCode) },
        ]
      : []),
    { key: 'remark', label: f('remark'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(c.remark)}</span>, span: 'filled' as const },
  ];

  const followup = [
    { key: 'owner', label: f('owner'), children: text(c.ownerName) },
    { key: 'department', label: f('department'), children: text(c.departmentName) },
    { key: 'primaryContact', label: f('primaryContact'), children: c.primaryContact ? c.primaryContact.name : '—' },
    { key: 'lastFollowupAt', label: f('lastFollowupAt'), children: formatDateTime(c.lastFollowupAt) },
    { key: 'nextContactAt', label: f('nextContactAt'), children: <NextContact value={c.nextContactAt} /> },
    { key: 'createdBy', label: f('createdBy'), children: text(c.createdByName) },
    { key: 'createdAt', label: f('createdAt'), children: formatDateTime(c.createdAt) },
    { key: 'updatedBy', label: f('updatedBy'), children: text(c.updatedByName) },
    { key: 'updatedAt', label: f('updatedAt'), children: formatDateTime(c.updatedAt) },
  ];

  const column = { xs: 1, sm: 2, lg: 3 };
  return (
    <>
      <Descriptions title={t('customer.view.basic')} size="small" bordered column={column} items={basic} />
      <Descriptions title={t('customer.view.followup')} size="small" bordered column={column} items={followup} style={{ marginTop: 24 }} />
      {c.inPool && (
        <Descriptions
          title={t('customer.view.poolInfo')}
          size="small"
          bordered
          column={column}
          style={{ marginTop: 24 }}
          items={[
            { key: 'at', label: f('poolReleasedAt'), children: formatDateTime(c.poolReleasedAt) },
            { key: 'reason', label: f('poolReason'), children: text(poolReasonText(t, c.poolReason)), span: 2 },
          ]}
        />
      )}
    </>
  );
}
