import { Checkbox, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import EditableListCard from '../../../app/shared/EditableListCard';
import { wholeNumberRule } from '../../../app/shared/forms';
import { type PoolReturnRule, type PoolReturnRuleInput, usePoolReturnRuleMutations, usePoolReturnRules, useReturnExemptions } from '../api/automation';
import { useDictionaries, useDictLabel, useItemLabel } from '../api/dictionaries';

const blank: PoolReturnRuleInput = { name: '', enabled: true, noFollowupDays: 30, noDealDays: null, levels: null, exemptions: ['hot'], warnDaysBefore: 3 };

/** 自动回收规则: owned customers that match go back to the pool on the daily run; owners are warned ahead. */
export default function ReturnRulesSection() {
  const { t } = useTranslation();
  const rules = usePoolReturnRules();
  const { save, remove } = usePoolReturnRuleMutations();
  const dictLabel = useDictLabel();
  const dictionaries = useDictionaries();
  const itemLabel = useItemLabel();
  const exemptions = useReturnExemptions().data?.items ?? [];
  const exemptionLabel = (key: string) => {
    const found = exemptions.find((e) => e.key === key);
    return found ? t(found.labelKey) : key;
  };
  const a = (key: string, opts?: Record<string, unknown>) => t(`customer.automation.${key}`, opts);
  const days = (n: number | null) => (n === null ? '—' : a('days', { count: n }));

  return (
    <EditableListCard<PoolReturnRule, PoolReturnRuleInput>
      title={a('returnRules')}
      labels={{ add: a('addRule'), edit: a('editRule'), deleteConfirm: (r) => a('deleteRuleConfirm', { name: r.name }), empty: a('noReturnRules') }}
      list={rules}
      save={save}
      remove={remove}
      blank={blank}
      toInput={(values) => ({ ...values, levels: values.levels?.length ? values.levels : null })}
      formName="returnRule"
      scrollX={720}
      columns={[
        // A width of its own: squeezed by the number columns, the name wrapped a character or two per line.
        {
          title: a('name'),
          dataIndex: 'name',
          width: 200,
          render: (v: string, r) => (r.enabled ? v : <Space wrap size={4}>{v}<Tag>{a('disabled')}</Tag></Space>),
        },
        { title: a('noFollowupDays'), dataIndex: 'noFollowupDays', render: days },
        { title: a('noDealDays'), dataIndex: 'noDealDays', render: days },
        {
          title: a('levels'),
          dataIndex: 'levels',
          render: (levels: string[] | null) => (levels ? levels.map((l) => <Tag key={l}>{dictLabel('level', l)}</Tag>) : a('allLevels')),
        },
        {
          title: a('exemptions'),
          dataIndex: 'exemptions',
          // Wrapped within the cell: a long label ran into the next column.
          render: (keys: string[]) =>
            keys.length ? (
              <Space size={[0, 4]} wrap>
                {keys.map((k) => (
                  <Tag key={k}>{exemptionLabel(k)}</Tag>
                ))}
              </Space>
            ) : (
              a('noExemptions')
            ),
        },
        { title: a('warnDaysBefore'), dataIndex: 'warnDaysBefore', render: (n: number) => (n > 0 ? a('days', { count: n }) : '—') },
      ]}
    >
      <Form.Item name="name" label={a('name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: a('name') }) }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="noFollowupDays" label={a('noFollowupDays')} extra={a('noFollowupHint')} rules={[wholeNumberRule(t, 1, 3650)]}>
        <InputNumber suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item name="noDealDays" label={a('noDealDays')} extra={a('noDealHint')} rules={[wholeNumberRule(t, 1, 3650)]}>
        <InputNumber suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item name="levels" label={a('levels')} extra={a('levelsHint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={a('allLevels')}
          options={(dictionaries.data?.level ?? []).map((i) => ({ value: i.code, label: itemLabel(i) }))}
        />
      </Form.Item>
      <Form.Item
        name="warnDaysBefore"
        label={a('warnDaysBefore')}
        extra={a('warnHint')}
        dependencies={['noFollowupDays', 'noDealDays']}
        rules={[
          wholeNumberRule(t, 0, 365),
          // Allowed (it warns from the first day), but seldom meant: said, not refused.
          ({ getFieldValue }) => ({
            warningOnly: true,
            validator: (_, warn: number | null) => {
              const days = [getFieldValue('noFollowupDays'), getFieldValue('noDealDays')].filter((d): d is number => typeof d === 'number' && d > 0);
              const shortest = days.length ? Math.min(...days) : undefined;
              return shortest !== undefined && typeof warn === 'number' && warn >= shortest
                ? Promise.reject(new Error(a('warnFromStart', { days: shortest })))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <InputNumber suffix={a('unitDays')} style={{ width: 200, maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item name="exemptions" label={a('exemptions')} extra={a('exemptionsHint')}>
        <Checkbox.Group options={exemptions.map((e) => ({ value: e.key, label: t(e.labelKey) }))} />
      </Form.Item>
      <Form.Item name="enabled" label={a('enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </EditableListCard>
  );
}
