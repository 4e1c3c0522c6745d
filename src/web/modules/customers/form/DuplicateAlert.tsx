import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCheckDuplicates } from '../api/customers';
import { useDebounced } from '../shared/useDebounced';
import type { DuplicateMatch } from '../types';

/** How a customer matched: the same number, the very same name (what saving refuses), or a similar one. */
type MatchedOn = DuplicateMatch['matchedOn'];
type Grouped = DuplicateMatch & { key: string; on: MatchedOn[] };

/** One line per customer, however many ways it matched. */
function groupMatches(matches: DuplicateMatch[]): Grouped[] {
  const byKey = new Map<string, Grouped>();
  matches.forEach((m, i) => {
    const key = m.id !== null ? `id-${m.id}` : `hidden-${m.name}-${m.ownerName ?? ''}-${m.inPool}-${i}`;
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.on.includes(m.matchedOn)) seen.on.push(m.matchedOn);
    } else byKey.set(key, { ...m, key, on: [m.matchedOn] });
  });
  return [...byKey.values()];
}

const tagColor: Record<MatchedOn, string> = { phone: 'red', sameName: 'red', name: 'orange' };

interface Props {
  name?: string;
  phone?: string;
  mobile?: string;
  excludeId?: number;
}

/** 查重 while typing: customers (pool included) with the same phone or a similar name; whose, never details out of scope. */
export default function DuplicateAlert(props: Props) {
  const { t } = useTranslation();
  const input = useDebounced(
    {
      name: props.name?.trim() || undefined,
      phone: props.phone?.trim() || undefined,
      mobile: props.mobile?.trim() || undefined,
      excludeId: props.excludeId,
    },
    400,
  );
  const enabled = (input.name?.length ?? 0) >= 2 || (input.phone?.length ?? 0) >= 5 || (input.mobile?.length ?? 0) >= 5;
  const check = useCheckDuplicates(input, enabled);
  const matches = groupMatches(enabled ? (check.data?.matches ?? []) : []);
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customer.duplicate.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {matches.slice(0, 8).map((m) => (
            <li key={m.key}>
              <Space size={[6, 0]} wrap>
                {m.visible && m.id ? (
                  <Link to={`/customers/${m.id}`} target="_blank">
                    {m.name}
                  </Link>
                ) : (
                  <Typography.Text>{m.name}</Typography.Text>
                )}
                {m.on.map((on) => (
                  <Tag key={on} color={tagColor[on]}>
                    {t(`customer.duplicate.${on === 'phone' ? 'byPhone' : on === 'sameName' ? 'bySameName' : 'byName'}`)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">
                  {m.inPool ? t('customer.duplicate.inPool') : t('customer.duplicate.owner', { name: m.ownerName ?? '—' })}
                  {!m.visible && ` · ${t('customer.duplicate.hidden')}`}
                </Typography.Text>
              </Space>
            </li>
          ))}
        </ul>
      }
    />
  );
}
